import type { TaskEvent } from "../events";
import type { TaskState } from "./state";

/** The fields of a task that events change, in the order a history shows them. */
export const taskFields = ["title", "description", "columnId", "rank", "priority", "assigneeId", "labels", "dueDate", "archived", "reviewerId", "review"] as const;
export type TaskField = (typeof taskFields)[number];

/** One field an event touched; `comment` is a comment added (comments are never edited or removed). */
export type FieldChange =
  | { field: TaskField; before: unknown; after: unknown }
  | { field: "comment"; before: null; after: { commentId: string; body: string } };

/** What an event changed, from the task's states before and after it. Before a task exists, every field is null. */
export function taskChanges(before: TaskState, after: TaskState, event: TaskEvent): FieldChange[] {
  const changes: FieldChange[] = taskFields
    .filter((field) => !before.exists || !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before.exists ? before[field] : null, after: after[field] }));
  if (event.type === "TaskCommented") changes.push({ field: "comment", before: null, after: event.data });
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}
