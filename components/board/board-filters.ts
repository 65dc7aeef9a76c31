import type { BoardTask } from "./types";

/** What the filter bar narrows the board to; "" means "any". Kept in the URL under these names. */
export type BoardFilters = { q: string; assignee: string; label: string; priority: string };

export const filterKeys = ["q", "assignee", "label", "priority"] as const satisfies readonly (keyof BoardFilters)[];

/** The assignee filter's value for tasks nobody is assigned to (member ids are UUIDs, so it cannot clash). */
export const UNASSIGNED = "unassigned";

export const noFilters: BoardFilters = { q: "", assignee: "", label: "", priority: "" };

export function readFilters(params: Pick<URLSearchParams, "get">): BoardFilters {
  return Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ""])) as BoardFilters;
}

export const isFiltering = (filters: BoardFilters) => filterKeys.some((key) => filters[key].trim() !== "");

/** Whether a task is shown: every set filter must match; the text is looked for in title and description, ignoring case. */
export function taskMatcher(filters: BoardFilters): (task: BoardTask) => boolean {
  const text = filters.q.trim().toLocaleLowerCase();
  const { assignee, label, priority } = filters;
  return (task) =>
    (!text || `${task.title}\n${task.description}`.toLocaleLowerCase().includes(text)) &&
    (!assignee || task.assigneeId === (assignee === UNASSIGNED ? null : assignee)) &&
    (!label || task.labels.includes(label)) &&
    (!priority || task.priority === priority);
}
