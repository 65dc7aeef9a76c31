"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { localToday } from "@/components/ui/format";
import { replaceSearchParams } from "@/components/history/replace-search-params";
import type { Bucket } from "./types";

/** The page's settings as the URL holds them (?from=YYYY-MM-DD&to=YYYY-MM-DD&asOf=<ISO>&bucket=day), so a view can be shared. */
export type AnalyticsParams = { from: string; to: string; asOf: Date | null; bucket: Bucket };

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const buckets: Bucket[] = ["hour", "day", "week"];
/** Without a range in the URL: the last six weeks, today included. */
const DEFAULT_DAYS = 42;

/** A calendar day moved by some days (calendar arithmetic, so in UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function useAnalyticsParams(): AnalyticsParams {
  const params = useSearchParams();
  const today = localToday(new Date());
  const [from, to, asOf, bucket] = ["from", "to", "asOf", "bucket"].map((key) => params.get(key) ?? "");
  return useMemo(() => {
    const end = DAY_PATTERN.test(to!) ? to! : today;
    const instant = asOf ? new Date(asOf) : null;
    return {
      from: DAY_PATTERN.test(from!) ? from! : addDays(end, 1 - DEFAULT_DAYS),
      to: end,
      asOf: instant && !Number.isNaN(instant.getTime()) ? instant : null,
      bucket: buckets.includes(bucket as Bucket) ? (bucket as Bucket) : "day",
    };
  }, [from, to, asOf, bucket, today]);
}

export const setAnalyticsParams = (change: Partial<Record<keyof AnalyticsParams, string>>) => replaceSearchParams(change);

/** analytics.flow's input: the days are the user's, from the first one's midnight to the midnight after the last. */
export function flowInput(projectId: string, { from, to, asOf, bucket }: AnalyticsParams) {
  const midnight = (day: string) => new Date(`${day}T00:00:00`);
  return { projectId, from: midnight(from), to: midnight(addDays(to, 1)), asOf: asOf ?? undefined, bucket };
}
