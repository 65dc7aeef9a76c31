import { z } from "zod";
import { CommentBody, Description, DueDate, Label, Priority, Title, UserId } from "../../domain";
import { stableUuid } from "../../eventstore";
import { runTaskCommand, taskCommandProcedure } from "./task-procedure";

/*
 * The task commands that carry just their own fields. Each input is those fields plus projectId, taskId,
 * commandId and expectedVersion; the task decider validates and decides.
 */
export const renameTask = taskCommandProcedure
  .input(z.object({ title: Title }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "RenameTask", taskId: input.taskId, title: input.title }));
export const changeDescription = taskCommandProcedure
  .input(z.object({ description: Description }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "ChangeDescription", taskId: input.taskId, description: input.description }));
export const changePriority = taskCommandProcedure
  .input(z.object({ priority: Priority }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "ChangePriority", taskId: input.taskId, priority: input.priority }));
export const setDueDate = taskCommandProcedure
  .input(z.object({ dueDate: DueDate }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "SetDueDate", taskId: input.taskId, dueDate: input.dueDate }));
export const addLabel = taskCommandProcedure
  .input(z.object({ label: Label }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "AddLabel", taskId: input.taskId, label: input.label }));
export const removeLabel = taskCommandProcedure
  .input(z.object({ label: Label }))
  .mutation(({ ctx, input }) => runTaskCommand(ctx, input, { type: "RemoveLabel", taskId: input.taskId, label: input.label }));
export const unassignTask = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "UnassignTask", taskId: input.taskId }),
);
export const clearDueDate = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "ClearDueDate", taskId: input.taskId }),
);
export const archiveTask = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "ArchiveTask", taskId: input.taskId }),
);
export const restoreTask = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "RestoreTask", taskId: input.taskId }),
);

/** Assignees must be members of the project: the decider checks against the board. */
export const assignTask = taskCommandProcedure
  .input(z.object({ assigneeId: UserId }))
  .mutation(({ ctx, input }) =>
    runTaskCommand(ctx, input, { type: "AssignTask", taskId: input.taskId, assigneeId: input.assigneeId, board: ctx.board.context }),
  );

export const commentOnTask = taskCommandProcedure
  .input(z.object({ body: CommentBody }))
  .mutation(({ ctx, input }) =>
    runTaskCommand(ctx, input, {
      type: "CommentOnTask",
      taskId: input.taskId,
      commentId: stableUuid(input.commandId, "comment"),
      body: input.body,
    }),
  );
