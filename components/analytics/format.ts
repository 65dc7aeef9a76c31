import type { Cell } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const instant = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" });
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export const formatInstant = (date: Date) => instant.format(date);
export const formatDay = (date: Date) => day.format(date);

/** Days with three decimals (about a minute and a half): the unit of every duration in the tables and CSV files. */
export const toDays = (ms: number) => Math.round((ms / DAY) * 1000) / 1000;

/** The unit a chart's axis reads best in for durations up to longestMs: minutes, hours or days. */
export function durationUnit(longestMs: number) {
  if (longestMs < 2 * HOUR) return { ms: 60_000, suffix: " min", name: "minutes" };
  if (longestMs < 2 * DAY) return { ms: HOUR, suffix: " h", name: "hours" };
  return { ms: DAY, suffix: " d", name: "days" };
}

/** A duration as people say it: minutes, hours or days. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < HOUR) return `${Math.round(ms / 60_000)} min`;
  if (ms < DAY) return `${number.format(ms / HOUR)} h`;
  return `${number.format(ms / DAY)} d`;
}

/** A histogram bin's label: "0–12 h", "2–3 d". */
export function binLabel(fromMs: number, toMs: number): string {
  const unit = toMs <= DAY ? HOUR : DAY;
  return `${number.format(fromMs / unit)}–${number.format(toMs / unit)} ${unit === HOUR ? "h" : "d"}`;
}

export function formatCell(cell: Cell): string {
  if (cell === null) return "–";
  if (cell instanceof Date) return formatInstant(cell);
  return typeof cell === "number" ? number.format(cell) : cell;
}
