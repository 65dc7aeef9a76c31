import { priorityLabel, roleLabel } from "@/components/ui/format";
import type { Priority, Role } from "@/components/board/types";
import type { Names } from "./field-values";

/** One fact an event records: a field and its new value, with the old one where the event itself has it. */
export type EventDetail = { label: string; before?: string; after: string };

const labels: Record<string, string> = {
  title: "Title",
  name: "Name",
  description: "Description",
  columnId: "Column",
  priority: "Priority",
  assigneeId: "Assignee",
  dueDate: "Due date",
  label: "Label",
  labels: "Labels",
  body: "Comment",
  wipLimit: "WIP limit",
  role: "Role",
  userId: "Member",
  ownerId: "Owner",
  toIndex: "Position",
  format: "Format",
  eventCount: "Events",
  from: "From",
  to: "To",
};

/** Sort keys and ids that say nothing to a reader (the aggregate is shown in its own column). */
const hidden = new Set(["projectId", "rank", "commentId", "firstPosition", "lastPosition", "lastHash", "wipLimitOverridden"]);

/** The audit log's "before → after" cell: what the payload says, with ids turned into names. */
export function eventDetails(type: string, data: Record<string, unknown>, names: Names): EventDetail[] {
  const value = (key: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return "none";
    if (key === "columnId" || key === "fromColumnId" || key === "toColumnId") return names.column(String(raw));
    if (key === "assigneeId" || key === "userId" || key === "ownerId") return names.member(String(raw));
    if (key === "toIndex") return String(Number(raw) + 1);
    if (key === "priority") return priorityLabel(raw as Priority);
    if (key === "role") return roleLabel[raw as Role];
    const text = raw instanceof Date ? raw.toISOString() : typeof raw === "object" ? JSON.stringify(raw) : String(raw);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  if (type === "MemberRoleChanged") {
    return [
      { label: "Member", after: value("userId", data.userId) },
      { label: "Role", before: roleLabel[data.previousRole as Role], after: roleLabel[data.role as Role] },
    ];
  }
  if (type === "TaskMoved") {
    const details: EventDetail[] = [{ label: "Column", before: value("fromColumnId", data.fromColumnId), after: value("toColumnId", data.toColumnId) }];
    return data.wipLimitOverridden === true ? [...details, { label: "WIP limit", after: "overridden" }] : details;
  }
  const details = Object.entries(data)
    // A column event's column is already named as its subject.
    .filter(([key]) => !hidden.has(key) && !(key === "columnId" && type.startsWith("Column")))
    .map(([key, raw]) => ({ label: labels[key] ?? key, after: Array.isArray(raw) ? raw.join(", ") || "none" : value(key, raw) }));
  // A new task lists only what was chosen for it (its column is in the sentence).
  return type === "TaskCreated"
    ? details.filter((detail) => detail.label !== "Column" && detail.after !== "none" && detail.after !== priorityLabel("none"))
    : details;
}
