import { z } from "zod";
import { boardContext, columnTasks, Description, DueDate, Id, Label, Priority, rankBetween, Title, UserId } from "../../domain";
import { stableUuid } from "../../eventstore";
import { commandInput, editors, projectProcedure } from "../project-procedure";
import { runTaskCommand } from "./task-procedure";
import { oneAtATimeInto } from "../../commands";

/** A new task goes to the bottom of its column. */
export const createTask = projectProcedure(editors)
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
    const answer = await oneAtATimeInto(ctx, input.columnId, (board) => {
      const last = columnTasks(board, input.columnId).at(-1);
      return runTaskCommand(ctx, { projectId, taskId, commandId }, {
        type: "CreateTask",
        ...fields,
        taskId,
        projectId,
        rank: rankBetween(last?.rank ?? null, null),
        board: boardContext(board),
      });
    });
    return { taskId, ...answer };
  });
