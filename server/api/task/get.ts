import { Id } from "../../domain";
import { readStream, toDomainEvent } from "../../eventstore";
import { taskComments } from "../../board-state";
import { userNames } from "../../read-models";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";
import { z } from "zod";

/** One task with its comments, its version and its whole history, newest last. */
export const getTask = projectProcedure(readers)
  .input(z.object({ taskId: Id }))
  .query(async ({ ctx, input }) => {
    const task = ctx.board.tasks[input.taskId];
    if (!task) throw notFound("Task");
    const events = await readStream(ctx.db, { aggregateType: "task", aggregateId: input.taskId });
    const nameOf = await userNames(ctx.db, events.map((e) => e.metadata.userId));
    return {
      task: { ...task, comments: taskComments(events) },
      version: ctx.board.taskVersions[input.taskId] ?? 0,
      history: events.map((e) => ({
        eventId: e.eventId,
        type: e.eventType,
        version: e.version,
        timestamp: e.timestamp,
        // Upcast, so an event stored in an older version reads like today's.
        payload: toDomainEvent(e).data,
        userId: e.metadata.userId,
        userName: nameOf(e.metadata.userId),
      })),
    };
  });
