import { z } from "zod";
import { UserId } from "../../domain";
import { runTaskCommand, taskCommandProcedure } from "./task-procedure";

/** Asks a member to review the task; the decider keeps the assignee from reviewing their own work. */
export const assignReviewer = taskCommandProcedure
  .input(z.object({ reviewerId: UserId }))
  .mutation(({ ctx, input }) =>
    runTaskCommand(ctx, input, { type: "AssignReviewer", taskId: input.taskId, reviewerId: input.reviewerId, board: ctx.board.context }),
  );
export const releaseReviewer = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "ReleaseReviewer", taskId: input.taskId }),
);
/** The caller decides as themselves: the decider admits only the task's reviewer. */
export const approveTask = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "ApproveTask", taskId: input.taskId, by: ctx.user.id }),
);
export const requestChanges = taskCommandProcedure.mutation(({ ctx, input }) =>
  runTaskCommand(ctx, input, { type: "RequestChanges", taskId: input.taskId, by: ctx.user.id }),
);
