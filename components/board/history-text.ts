import { formatDueDate, priorityLabel } from "../ui/format";
import type { HistoryEntry, Priority } from "./types";

type Names = { column: (id: string) => string; member: (id: string) => string; today: string };

/** One history event as the second half of a sentence: "<user> moved it from To do to Review". */
export function describeHistoryEntry(entry: HistoryEntry, names: Names): string {
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : "");

  switch (entry.type) {
    case "TaskCreated":
      return `created the task in ${names.column(text("columnId"))}`;
    case "TaskRenamed":
      return `renamed it to “${text("title")}”`;
    case "TaskDescriptionChanged":
      return text("description") ? "changed the description" : "cleared the description";
    case "TaskMoved": {
      const from = text("fromColumnId");
      const to = text("toColumnId");
      const moved = from === to ? `reordered it within ${names.column(to)}` : `moved it from ${names.column(from)} to ${names.column(to)}`;
      return payload.wipLimitOverridden === true ? `${moved}, over the WIP limit` : moved;
    }
    case "TaskAssigned":
      return `assigned it to ${names.member(text("assigneeId"))}`;
    case "TaskUnassigned":
      return "removed the assignee";
    case "TaskPriorityChanged": {
      const priority = text("priority") as Priority;
      return priority === "none" ? "removed the priority" : `set the priority to ${priorityLabel(priority)}`;
    }
    case "TaskDueDateSet":
      return `set the due date to ${formatDueDate(text("dueDate"), names.today)}`;
    case "TaskDueDateCleared":
      return "cleared the due date";
    case "TaskLabelAdded":
      return `added the label “${text("label")}”`;
    case "TaskLabelRemoved":
      return `removed the label “${text("label")}”`;
    case "TaskCommented":
      return "commented";
    case "TaskArchived":
      return "archived it";
    case "TaskRestored":
      return "restored it";
    case "ReviewerAssigned":
      return `asked ${names.member(text("reviewerId"))} to review it`;
    case "ReviewerReleased":
      return "released the reviewer";
    case "TaskApproved":
      return "approved it";
    case "TaskChangesRequested":
      return "requested changes";
    default:
      return `recorded ${entry.type}`;
  }
}
