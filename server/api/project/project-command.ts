import { type ProjectCommand, projectDecider, type Role } from "../../domain";
import { handleCommand } from "../../eventstore";
import type { Db } from "../../db";
import { commandAnswer, commandContext } from "../command-context";

/** Runs a command on the project's own stream (name, members, columns). */
export async function runProjectCommand(
  ctx: { db: Db; user: { id: string }; correlationId: string; role: Role },
  input: { projectId: string; commandId: string },
  command: ProjectCommand,
) {
  const result = await handleCommand(ctx.db, {
    stream: { aggregateType: "project", aggregateId: input.projectId },
    projectId: input.projectId,
    decider: projectDecider,
    command,
    context: commandContext(ctx, input),
  });
  return commandAnswer(result);
}
