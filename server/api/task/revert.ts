import { commandsToRevert, taskDecider } from "../../domain";
import { type AggregateTarget, loadAggregate } from "../../eventstore";
import type { Db } from "../../db";
import { type CommandBoard, loadCommandBoard } from "../../board-state";
import { runTaskCommand } from "./task-procedure";
import { oneAtATimeInto } from "../../commands";

/**
 * Brings a task back to its state at a target (a version or an instant) by writing new events, decided
 * like the user's own commands and appended together; nothing already stored changes. Comments stay.
 */
export async function revertTask(
  ctx: { db: Db; user: { id: string }; correlationId: string; board: CommandBoard },
  input: { projectId: string; taskId: string; commandId: string; expectedVersion?: number; overrideWipLimit: boolean },
  target: AggregateTarget,
) {
  const { state: earlier } = await loadAggregate(ctx.db, { aggregateType: "task", aggregateId: input.taskId }, taskDecider, target);
  return oneAtATimeInto(ctx, earlier.columnId, loadCommandBoard, (board) =>
    runTaskCommand(ctx, input, (current) =>
      commandsToRevert(input.taskId, current, earlier, board.context, { overrideWipLimit: input.overrideWipLimit }),
    ),
  );
}
