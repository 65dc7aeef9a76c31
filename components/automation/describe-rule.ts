import { priorityLabel, roleLabel } from "@/components/ui/format";
import type { RuleAction, RuleTrigger } from "./types";

type Names = { column: (id: string) => string; member: (id: string) => string };

/** "When a task enters Review" */
export function describeTrigger(trigger: RuleTrigger, names: Names): string {
  return trigger.type === "taskEnteredColumn" ? `When a task enters ${names.column(trigger.columnId)}` : "When the reviewer approves a task";
}

/** "assign it to Bilal" */
export function describeAction(action: RuleAction, names: Names): string {
  switch (action.type) {
    case "assignUser":
      return `assign it to ${names.member(action.userId)}`;
    case "assignRole":
      return `assign it to the ${roleLabel[action.role].toLowerCase()} with the fewest open tasks`;
    case "setPriority":
      return `set its priority to ${priorityLabel(action.priority)}`;
    case "addLabel":
      return `add the label “${action.label}”`;
    case "moveToColumn":
      return `move it to ${names.column(action.columnId)}`;
  }
}
