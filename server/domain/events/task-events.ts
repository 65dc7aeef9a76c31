import { z } from "zod";
import { defineEvent } from "./define";
import { CommentBody, Description, DueDate, Id, Label, Priority, Rank, Title, UserId } from "./fields";

/** v2 added priority; v1 events are upcast (upcasting/task-created-v1.ts). */
export const TaskCreated = defineEvent("TaskCreated", 2, {
  projectId: Id,
  columnId: Id,
  rank: Rank,
  title: Title,
  description: Description,
  priority: Priority,
  assigneeId: UserId.nullable(),
  labels: z.array(z.string()).max(20),
  dueDate: DueDate.nullable(),
});
export const TaskRenamed = defineEvent("TaskRenamed", 1, { title: Title });
export const TaskDescriptionChanged = defineEvent("TaskDescriptionChanged", 1, { description: Description });
/**
 * rank orders the task within its column (fractional index: a move never renumbers others).
 * v2 added rank; v1 events are upcast (upcasting/task-moved-v1.ts).
 */
export const TaskMoved = defineEvent("TaskMoved", 2, {
  fromColumnId: Id,
  toColumnId: Id,
  rank: Rank,
  wipLimitOverridden: z.boolean(),
});
export const TaskAssigned = defineEvent("TaskAssigned", 1, { assigneeId: UserId });
export const TaskUnassigned = defineEvent("TaskUnassigned", 1, {});
export const TaskPriorityChanged = defineEvent("TaskPriorityChanged", 1, { priority: Priority });
export const TaskDueDateSet = defineEvent("TaskDueDateSet", 1, { dueDate: DueDate });
export const TaskDueDateCleared = defineEvent("TaskDueDateCleared", 1, {});
export const TaskLabelAdded = defineEvent("TaskLabelAdded", 1, { label: Label });
export const TaskLabelRemoved = defineEvent("TaskLabelRemoved", 1, { label: Label });
export const TaskCommented = defineEvent("TaskCommented", 1, { commentId: Id, body: CommentBody });
export const TaskArchived = defineEvent("TaskArchived", 1, {});
export const TaskRestored = defineEvent("TaskRestored", 1, {});
/** The person who reviews the task's work; approving or requesting changes is theirs alone. */
export const ReviewerAssigned = defineEvent("ReviewerAssigned", 1, { reviewerId: UserId });
export const ReviewerReleased = defineEvent("ReviewerReleased", 1, {});
export const TaskApproved = defineEvent("TaskApproved", 1, { reviewerId: UserId });
export const TaskChangesRequested = defineEvent("TaskChangesRequested", 1, { reviewerId: UserId });

export const taskEventSchemas = [
  TaskCreated,
  TaskRenamed,
  TaskDescriptionChanged,
  TaskMoved,
  TaskAssigned,
  TaskUnassigned,
  TaskPriorityChanged,
  TaskDueDateSet,
  TaskDueDateCleared,
  TaskLabelAdded,
  TaskLabelRemoved,
  TaskCommented,
  TaskArchived,
  TaskRestored,
  ReviewerAssigned,
  ReviewerReleased,
  TaskApproved,
  TaskChangesRequested,
] as const;

export const TaskEvent = z.discriminatedUnion("type", taskEventSchemas);
export type TaskEvent = z.infer<typeof TaskEvent>;
