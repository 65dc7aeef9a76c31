import { z } from "zod";
import { Id } from "../../domain/events/fields";
import { taskHistory } from "../../projections/task-history";
import { userNames } from "../../projections/users";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";

/**
 * A task's timeline, oldest first: each change with who made it and when, the fields it touched
 * (before → after), its cause (the user's command, or the event an automation reacted to) and the
 * correlation id of the request.
 */
export const getTaskHistory = projectProcedure(readers)
  .input(z.object({ taskId: Id }))
  .query(async ({ ctx, input }) => {
    if (!ctx.board.tasks[input.taskId]) throw notFound("Task");
    const changes = await taskHistory(ctx.db, input.taskId);
    const nameOf = await userNames(ctx.db, changes.map((change) => change.userId));
    return changes.map((change) => ({ ...change, userName: nameOf(change.userId) }));
  });
