import { z } from "zod";
import {
  CommentBody,
  Description,
  DueDate,
  Id,
  Label,
  Priority,
  Rank,
  Title,
  UserId,
  WipLimit,
} from "../events/fields";

export const maxLabelsPerTask = 20;

/**
 * What a task decision needs to know about its board. Rules such as WIP limits
 * and "assignees are members" span aggregates, so the command handler fills this
 * from the board read side (see boardContext) rather than the task loading its project.
 */
export const BoardContext = z.object({
  columns: z.array(
    z.object({ id: Id, name: z.string(), wipLimit: WipLimit, taskCount: z.number().int().min(0) }),
  ),
  memberIds: z.array(UserId),
});
export type BoardContext = z.infer<typeof BoardContext>;

/** Every command names its task: the handler loads that stream to decide on it. */
const command = <const T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), taskId: Id, ...shape });

/** rank places the task in its column; callers usually append: rankBetween(lastRank, null). */
export const CreateTask = command("CreateTask", {
  projectId: Id,
  columnId: Id,
  rank: Rank,
  title: Title,
  description: Description.default(""),
  priority: Priority.default("none"),
  assigneeId: UserId.nullable().default(null),
  labels: z.array(Label).max(maxLabelsPerTask).default([]),
  dueDate: DueDate.nullable().default(null),
  board: BoardContext,
});
export const RenameTask = command("RenameTask", { title: Title });
export const ChangeDescription = command("ChangeDescription", { description: Description });
/** rank is computed by the caller with rankBetween from the task's new neighbours. */
export const MoveTask = command("MoveTask", {
  toColumnId: Id,
  rank: Rank,
  overrideWipLimit: z.boolean().default(false),
  board: BoardContext,
});
export const AssignTask = command("AssignTask", { assigneeId: UserId, board: BoardContext });
export const UnassignTask = command("UnassignTask", {});
export const ChangePriority = command("ChangePriority", { priority: Priority });
export const SetDueDate = command("SetDueDate", { dueDate: DueDate });
export const ClearDueDate = command("ClearDueDate", {});
export const AddLabel = command("AddLabel", { label: Label });
export const RemoveLabel = command("RemoveLabel", { label: Label });
export const CommentOnTask = command("CommentOnTask", { commentId: Id, body: CommentBody });
export const ArchiveTask = command("ArchiveTask", {});
export const RestoreTask = command("RestoreTask", {});
export const AssignReviewer = command("AssignReviewer", { reviewerId: UserId, board: BoardContext });
export const ReleaseReviewer = command("ReleaseReviewer", {});
/** by is who decides (the session's user): only the task's reviewer may. */
export const ApproveTask = command("ApproveTask", { by: UserId });
export const RequestChanges = command("RequestChanges", { by: UserId });

export const TaskCommand = z.discriminatedUnion("type", [
  CreateTask,
  RenameTask,
  ChangeDescription,
  MoveTask,
  AssignTask,
  UnassignTask,
  ChangePriority,
  SetDueDate,
  ClearDueDate,
  AddLabel,
  RemoveLabel,
  CommentOnTask,
  ArchiveTask,
  RestoreTask,
  AssignReviewer,
  ReleaseReviewer,
  ApproveTask,
  RequestChanges,
]);
/** What callers send; optional fields get their defaults when decide parses it. */
export type TaskCommand = z.input<typeof TaskCommand>;
