import { describeHistoryEntry } from "@/components/board/history-text";
import type { HistoryEntry, Role } from "@/components/board/types";
import { roleLabel } from "@/components/ui/format";
import { eventTypeLabel } from "./event-types";
import type { Names } from "./field-values";
import type { AuditItem } from "./types";

/**
 * What an event of the project's log did, as the second half of a sentence after its author's name:
 * "moved it from To do to Review", "added Bilal as Member". Task events read as in the task's own timeline.
 */
export function describeEvent(item: AuditItem, names: Names): string {
  const data = (item.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : "");
  const role = (key: string) => roleLabel[text(key) as Role] ?? text(key);
  if (item.aggregateType === "task") return describeHistoryEntry({ type: item.type, payload: data } as HistoryEntry, names);

  switch (item.type) {
    case "ProjectCreated":
      return `created the project “${text("name")}”`;
    case "ProjectRenamed":
      return `renamed the project to “${text("name")}”`;
    case "MemberAdded":
      return `added ${names.member(text("userId"))} as ${role("role")}`;
    case "MemberRoleChanged":
      return `changed ${names.member(text("userId"))}’s role from ${role("previousRole")} to ${role("role")}`;
    case "MemberRemoved":
      return `removed ${names.member(text("userId"))} (${role("role")}) from the project`;
    case "ColumnAdded":
      return `added the column “${text("name")}”`;
    case "ColumnRenamed":
      return `renamed a column to “${text("name")}”`;
    case "ColumnMoved":
      return `moved the column ${names.column(text("columnId"))} to place ${Number(data.toIndex) + 1}`;
    case "ColumnRemoved":
      return `removed the column ${names.column(text("columnId"))}`;
    case "WipLimitSet":
      return data.wipLimit === null
        ? `removed the WIP limit of ${names.column(text("columnId"))}`
        : `set the WIP limit of ${names.column(text("columnId"))} to ${String(data.wipLimit)}`;
    case "LabelColourSet":
      return data.previousColour
        ? `changed the colour of the label “${text("label")}” from ${text("previousColour")} to ${text("colour")}`
        : `coloured the label “${text("label")}” ${text("colour")}`;
    case "ExportGenerated":
      return `downloaded a compliance export of ${String(data.eventCount)} events`;
    case "AutomationRuleAdded":
      return "added an automation rule";
    case "AutomationRuleRemoved":
      return "removed an automation rule";
    case "ReviewSagaConfigured":
      return "changed the review saga's settings";
    default:
      // Review saga steps and operators' decisions: their name says it ("Review started", "Dead letter skipped").
      return `recorded: ${eventTypeLabel(item.type).toLowerCase()}`;
  }
}
