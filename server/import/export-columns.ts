import type { Priority } from "../domain";
import { type CsvRecord, ImportFileError } from "./csv-records";

/** The task fields an import fills, and the headers of Trello's and Jira's CSV exports that carry them. */
const HEADERS = {
  title: ["card name", "name", "summary", "title"],
  description: ["card description", "description"],
  column: ["list name", "list", "status", "column"],
  priority: ["priority"],
  labels: ["labels", "label"],
  dueDate: ["due date", "due"],
  assignee: ["members", "member", "assignee"],
} as const;
export type ImportField = keyof typeof HEADERS;

/** Which header of this file feeds each field (the first that names it, in HEADERS' order). */
export type HeaderMap = Partial<Record<ImportField, string>>;

export function headerMap(headers: string[]): HeaderMap {
  const byName = new Map(headers.map((h) => [h.toLowerCase(), h]));
  const map: HeaderMap = {};
  for (const [field, names] of Object.entries(HEADERS) as [ImportField, readonly string[]][]) {
    const found = names.map((n) => byName.get(n)).find(Boolean);
    if (found) map[field] = found;
  }
  if (!map.title) throw new ImportFileError("The file has no title column: name it Card Name or Name (Trello), Summary (Jira) or Title", 422);
  return map;
}

/** A cell's text; a repeated header's cells (Jira repeats Labels) are joined by commas. */
export function cell(record: CsvRecord, header: string | undefined): string {
  if (!header) return "";
  const value = record.cells[header];
  return (Array.isArray(value) ? value.filter((v) => v.trim() !== "").join(",") : (value ?? "")).trim();
}

/** Jira's priorities (new and old scheme) and Trello-style words onto the board's five. */
const PRIORITIES: Record<string, Priority> = {
  highest: "urgent", blocker: "urgent", critical: "urgent", urgent: "urgent",
  high: "high", major: "high",
  medium: "medium", normal: "medium",
  low: "low", lowest: "low", minor: "low", trivial: "low",
  none: "none", "": "none",
};

export function priorityOf(text: string): Priority | { error: string } {
  return PRIORITIES[text.toLowerCase()] ?? { error: `Priority "${text}" is not one of Highest, High, Medium, Low, Lowest` };
}

/** Trello writes "Bug (red), Feature (green)"; a colour-only label "(green)" has no name and is left out. */
export function labelsOf(text: string): string[] {
  const labels = text
    .split(",")
    .map((label) => label.replace(/\s*\([^()]*\)\s*$/, "").trim())
    .filter((label) => label !== "");
  return [...new Set(labels)];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The calendar date of a due date: ISO (Trello: 2024-05-01T12:00:00.000Z, taken as written, UTC) or Jira's
 * default "01/May/24 12:00 AM". Anything else is a bad row rather than a guess between day and month.
 */
export function dueDateOf(text: string): string | null | { error: string } {
  if (text === "") return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (iso) return iso[1]!;
  const jira = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(text);
  const month = jira ? MONTHS.indexOf(jira[2]!.toLowerCase()) : -1;
  if (jira && month >= 0) {
    const year = jira[3]!.length === 2 ? `20${jira[3]}` : jira[3]!;
    return `${year}-${String(month + 1).padStart(2, "0")}-${jira[1]!.padStart(2, "0")}`;
  }
  return { error: `Due date "${text}" is not a date (use YYYY-MM-DD)` };
}

/** The first person named: Trello lists members as "Full Name (username)", comma-separated. */
export function assigneeNameOf(text: string): string {
  return (text.split(",")[0] ?? "").replace(/\s*\([^()]*\)\s*$/, "").trim();
}
