import { z } from "zod";
import { Description, DueDate, Id, Label, Priority, rankBetween, Title, UserId } from "../../domain";
import { stableUuid } from "../../eventstore";
import { commandInput, commandProcedure, editors } from "../project-procedure";
import { runTaskCommand } from "./task-procedure";
import { oneAtATimeInto } from "../../commands";
import { loadCommandBoard } from "../../board-state";

/** A new task goes to the bottom of its column. */
export const createTask = commandProcedure(editors)
  .input(
    commandInput.extend({
      columnId: Id,
      title: Title,
      description: Description.optional(),
      priority: Priority.optional(),
      assigneeId: UserId.nullable().optional(),
      labels: z.array(Label).max(20).optional(),
      dueDate: DueDate.nullable().optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const taskId = stableUuid(input.commandId, "task");
    const { commandId, projectId, ...fields } = input;
    const answer = await oneAtATimeInto(ctx, input.columnId, loadCommandBoard, (board) => {
      return runTaskCommand(ctx, { projectId, taskId, commandId }, {
        type: "CreateTask",
        ...fields,
        taskId,
        projectId,
        rank: rankBetween(board.lastRank(input.columnId), null),
        board: board.context,
      });
    });
    return { taskId, ...answer };
  });
