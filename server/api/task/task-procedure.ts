import { z } from "zod";
import { Id, type TaskCommand, taskDecider, type TaskState } from "../../domain";
import { handleCommand } from "../../eventstore";
import type { CommandBoard } from "../../board-state";
import type { Db } from "../../db";
import { commandAnswer, commandContext } from "../command-context";
import { notFound } from "../errors";
import { commandInput, commandProcedure, editors } from "../project-procedure";

/**
 * A command on one existing task of the project. expectedVersion is the task version the user saw:
 * when someone else changed the task since, the command fails with CONFLICT instead of overwriting.
 */
export const taskCommandProcedure = commandProcedure(editors)
  .input(commandInput.extend({ taskId: Id, expectedVersion: z.number().int().min(1).optional() }))
  .use(({ ctx, input, next }) => {
    if (!ctx.board.hasTask(input.taskId)) throw notFound("Task");
    return next();
  });

/** Runs one command, or several planned from the task's current state as one atomic user action. */
export async function runTaskCommand(
  ctx: { db: Db; user: { id: string }; correlationId: string; board: CommandBoard },
  input: { projectId: string; taskId: string; commandId: string; expectedVersion?: number },
  command: TaskCommand | ((state: TaskState) => TaskCommand[]),
) {
  const result = await handleCommand(ctx.db, {
    stream: { aggregateType: "task", aggregateId: input.taskId },
    projectId: input.projectId,
    decider: taskDecider,
    ...(typeof command === "function" ? { commands: command } : { command }),
    context: commandContext(ctx, input),
    expectedVersion: input.expectedVersion,
  });
  return commandAnswer(result);
}
