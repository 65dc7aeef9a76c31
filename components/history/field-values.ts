import { formatDueDate, priorityLabel } from "@/components/ui/format";
import type { Priority } from "@/components/board/types";
import type { FieldChange } from "./types";

export type Names = { column: (id: string) => string; member: (id: string) => string; today: string };

const fieldLabels: Record<FieldChange["field"], string> = {
  title: "Title",
  description: "Description",
  columnId: "Column",
  rank: "Position",
  priority: "Priority",
  assigneeId: "Assignee",
  labels: "Labels",
  dueDate: "Due date",
  archived: "Archived",
  reviewerId: "Reviewer",
  review: "Review",
  comment: "Comment",
};

export const fieldLabel = (field: FieldChange["field"]) => fieldLabels[field];

const reviewLabels: Record<string, string> = { pending: "pending", approved: "approved", changes_requested: "changes requested" };

/** A field's value as people read it; long text is cut, as the full text is in the task itself. */
export function formatFieldValue(field: FieldChange["field"], value: unknown, names: Names): string {
  if (value === null || value === undefined) return "none";
  switch (field) {
    case "title":
      return `“${String(value)}”`;
    case "description":
    case "comment": {
      const text = field === "comment" ? (value as { body: string }).body : String(value);
      if (!text) return "empty";
      return `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    }
    case "columnId":
      return names.column(String(value));
    case "priority":
      return priorityLabel(value as Priority);
    case "assigneeId":
    case "reviewerId":
      return names.member(String(value));
    case "review":
      return reviewLabels[String(value)] ?? String(value);
    case "labels":
      return (value as string[]).length ? (value as string[]).join(", ") : "none";
    case "dueDate":
      return formatDueDate(String(value), names.today);
    case "archived":
      return value ? "yes" : "no";
    default:
      return String(value);
  }
}

/** A value a new task has unless someone chose otherwise: not worth listing under "created". */
const isDefault = (value: unknown) =>
  value === null || value === undefined || value === "" || value === false || value === "none" || (Array.isArray(value) && value.length === 0);

/**
 * The fields worth showing: the rank is an internal sort key ("reordered" in the sentence already says the task
 * moved in its column); a creation lists only what was chosen (not "Archived: no"), its column being in the sentence.
 */
export const shownChanges = (changes: FieldChange[], created = false) =>
  changes.filter(
    (change) => change.field !== "rank" && !(created && (change.field === "columnId" || isDefault(change.after))),
  );
