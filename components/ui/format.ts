import type { Priority, Role } from "../board/types";

export const roleLabel: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
  auditor: "Auditor",
};

export const priorities: { value: Priority; label: string }[] = [
  { value: "none", label: "No priority" },
  { value: "low", label: "Low" },
  { value: "medium", label: "Medium" },
  { value: "high", label: "High" },
  { value: "urgent", label: "Urgent" },
];

export const priorityLabel = (priority: Priority) =>
  priorities.find((p) => p.value === priority)?.label ?? priority;

/** Text colours with enough contrast on both surfaces; the label is always shown too, never colour alone. */
export const priorityTone: Record<Priority, string> = {
  none: "text-fg-muted",
  low: "text-sky-700 dark:text-sky-300",
  medium: "text-amber-700 dark:text-amber-300",
  high: "text-orange-700 dark:text-orange-300",
  urgent: "text-red-700 dark:text-red-300",
};

/** "1 task", "10,000 tasks": a count with its noun, the number grouped as English readers expect. */
export const countOf = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts.at(-1)![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

// Due dates are calendar days without a time zone, so they are read and shown as UTC dates.
const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const dayWithYearFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

export function formatDueDate(dueDate: string, today: string): string {
  const date = new Date(`${dueDate}T00:00:00Z`);
  return dueDate.slice(0, 4) === today.slice(0, 4) ? dayFormat.format(date) : dayWithYearFormat.format(date);
}

/** The user's local calendar day as YYYY-MM-DD, the format due dates use. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const timestampFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const formatTimestamp = (date: Date) => timestampFormat.format(date);

const relative = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago": how long before `now` an instant was. */
export function timeAgo(date: Date, now: Date): string {
  const seconds = Math.max(0, (now.getTime() - date.getTime()) / 1000);
  for (const [unit, size] of units) {
    if (seconds >= size) return relative.format(-Math.floor(seconds / size), unit);
  }
  return "just now";
}
