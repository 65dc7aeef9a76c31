"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { replaceSearchParams } from "@/components/history/replace-search-params";

/** An ?asOf= value as an instant; null (the live board) when absent or not a date. */
function parseAsOf(raw: string | null): Date | null {
  const date = raw ? new Date(raw) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** The instant the board is shown at (?asOf=<ISO>, shareable), or null for the live board. */
export function useAsOfParam(): Date | null {
  const raw = useSearchParams().get("asOf");
  return useMemo(() => parseAsOf(raw), [raw]);
}

export const setAsOfParam = (asOf: Date | null) => replaceSearchParams({ asOf: asOf?.toISOString() ?? "" });

/**
 * Opens time travel at this moment, or returns to the live board. Decided by the address bar, not by the rendered
 * params: a second press before the first has rendered must go back, not open time travel again.
 */
export const toggleTimeTravel = () =>
  setAsOfParam(parseAsOf(new URLSearchParams(window.location.search).get("asOf")) ? null : new Date());
