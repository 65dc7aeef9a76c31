import type { RuleTrigger, TaskEvent } from "../../domain";

/** What a task event means to rules: the task entered a column, its reviewer approved it, or nothing. */
export function triggerOf(event: TaskEvent): RuleTrigger | null {
  switch (event.type) {
    case "TaskCreated":
      return { type: "taskEnteredColumn", columnId: event.data.columnId };
    case "TaskMoved":
      return event.data.fromColumnId === event.data.toColumnId ? null : { type: "taskEnteredColumn", columnId: event.data.toColumnId };
    case "TaskApproved":
      return { type: "taskApproved" };
    default:
      return null;
  }
}

export function matches(rule: RuleTrigger, happened: RuleTrigger): boolean {
  if (rule.type === "taskEnteredColumn") return happened.type === "taskEnteredColumn" && happened.columnId === rule.columnId;
  return happened.type === rule.type;
}
