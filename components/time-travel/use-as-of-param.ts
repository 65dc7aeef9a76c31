"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { replaceSearchParams } from "@/components/history/replace-search-params";

/** The instant the board is shown at (?asOf=<ISO>, shareable), or null for the live board. */
export function useAsOfParam(): Date | null {
  const raw = useSearchParams().get("asOf");
  return useMemo(() => {
    const date = raw ? new Date(raw) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  }, [raw]);
}

export const setAsOfParam = (asOf: Date | null) => replaceSearchParams({ asOf: asOf?.toISOString() ?? "" });
