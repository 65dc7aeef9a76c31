import { Id } from "../../domain/events/fields";
import { readStream } from "../../eventstore";
import { usersByIds } from "../../projections/users";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";
import { z } from "zod";

/** One task with its version and its whole history, newest last. */
export const getTask = projectProcedure(readers)
  .input(z.object({ taskId: Id }))
  .query(async ({ ctx, input }) => {
    const task = ctx.board.tasks[input.taskId];
    if (!task) throw notFound("Task");
    const events = await readStream(ctx.db, { aggregateType: "task", aggregateId: input.taskId });
    const users = await usersByIds(ctx.db, [...new Set(events.map((e) => e.metadata.userId))]);
    const nameOf = new Map(users.map((u) => [u.id, u.name]));
    return {
      task,
      version: ctx.board.taskVersions[input.taskId] ?? 0,
      history: events.map((e) => ({
        eventId: e.eventId,
        type: e.eventType,
        version: e.version,
        timestamp: e.timestamp,
        payload: e.payload,
        userId: e.metadata.userId,
        userName: nameOf.get(e.metadata.userId) ?? "Unknown user",
      })),
    };
  });
