const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const bucketMs = { hour: HOUR, day: DAY, week: WEEK } as const;
export type Bucket = keyof typeof bucketMs;

/** The instants a series is sampled at: from, every bucket after it while before end, and end itself. */
export function sampleInstants(from: Date, end: Date, bucket: Bucket): Date[] {
  if (end < from) return [];
  const instants: Date[] = [];
  for (let at = from.getTime(); at < end.getTime(); at += bucketMs[bucket]) instants.push(new Date(at));
  instants.push(end);
  return instants;
}

/** How many samples sampleInstants would take, without taking them (to refuse too many up front). */
export function sampleCount(from: Date, end: Date, bucket: Bucket): number {
  return end < from ? 0 : Math.ceil((end.getTime() - from.getTime()) / bucketMs[bucket]) + 1;
}

/** The Monday 00:00 UTC that starts the week of an instant (weeks in UTC, ISO 8601 style). */
export function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY);
}

/** The weeks that overlap [from, end], each with the part of it inside the range (the first and last may be partial). */
export function weeksCovering(from: Date, end: Date) {
  const weeks: { weekStart: Date; from: Date; to: Date }[] = [];
  for (let start = weekStart(from).getTime(); start <= end.getTime() && end >= from; start += WEEK) {
    weeks.push({
      weekStart: new Date(start),
      from: new Date(Math.max(start, from.getTime())),
      to: new Date(Math.min(start + WEEK, end.getTime())),
    });
  }
  return weeks;
}
