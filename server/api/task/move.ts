import { z } from "zod";
import { boardContext, columnTasks, Id, rankBetween } from "../../domain";
import { notFound } from "../errors";
import { runTaskCommand, taskCommandProcedure } from "./task-procedure";
import { oneAtATimeInto } from "../../commands";

/**
 * Moves a task into a column, directly below afterTaskId (null = to the top). The server derives the
 * rank from the current neighbours, so one event is written and no other task is renumbered.
 */
export const moveTask = taskCommandProcedure
  .input(z.object({ toColumnId: Id, afterTaskId: Id.nullable(), overrideWipLimit: z.boolean().default(false) }))
  .mutation(({ ctx, input }) =>
    oneAtATimeInto(ctx, input.toColumnId, (board) => {
      const others = columnTasks(board, input.toColumnId).filter((t) => t.id !== input.taskId);
      const index = input.afterTaskId === null ? -1 : others.findIndex((t) => t.id === input.afterTaskId);
      // Checked in the command's planning, so that a retry of a move that went through answers as it did.
      return runTaskCommand(ctx, input, () => {
        if (index === -1 && input.afterTaskId !== null) throw notFound("Task to place after");
        const rank = rankBetween(others[index]?.rank ?? null, others[index + 1]?.rank ?? null);
        return [{ type: "MoveTask", taskId: input.taskId, toColumnId: input.toColumnId, rank, overrideWipLimit: input.overrideWipLimit, board: boardContext(board) }];
      });
    }),
  );
