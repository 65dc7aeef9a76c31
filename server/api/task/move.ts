import { z } from "zod";
import { Id, rankBetween } from "../../domain";
import { loadCommandBoard } from "../../board-state";
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
    oneAtATimeInto(ctx, input.toColumnId, loadCommandBoard, (board) => {
      // Taken now, from the board as read: the planning below runs after the task's stream is loaded.
      const between = board.between(input.toColumnId, input.afterTaskId, input.taskId);
      // Checked in the command's planning, so that a retry of a move that went through answers as it did.
      return runTaskCommand(ctx, input, () => {
        if (!between) throw notFound("Task to place after");
        const rank = rankBetween(between.before, between.after);
        return [{ type: "MoveTask", taskId: input.taskId, toColumnId: input.toColumnId, rank, overrideWipLimit: input.overrideWipLimit, board: board.context }];
      });
    }),
  );
