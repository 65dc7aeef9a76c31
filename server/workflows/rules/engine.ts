import type pg from "pg";
import { ruleActor, taskDecider, type TaskEvent } from "../../domain";
import { stableUuid, type StoredEvent, toDomainEvent } from "../../eventstore";
import { loadBoard, type LoadedBoard } from "../../board-state";
import type { Projector } from "../../projectors";
import { oneAtATimeInto } from "../../commands";
import { causeOf, runAutomationCommand } from "../automation-command";
import { chainTooLong } from "../loop-guard";
import { projectAt } from "../project-settings";
import { actionCommand } from "./action-command";
import { matches, triggerOf } from "./triggers";

export const ruleEngineName = "automation.rules";

/**
 * The rule engine (choreography): follows the ordered feed through the projector runner, with its own
 * checkpoint, and for each task event runs the project's matching rules, in the order they were added.
 * Each rule's command id is derived from (rule id, event id), so whatever brings an event again (a crash
 * before the checkpoint, an operator's retry) issues nothing twice.
 */
export function ruleEngine(pool: pg.Pool): Projector {
  return { name: ruleEngineName, handle: (_tx, event) => applyRules(pool, event) };
}

async function applyRules(pool: pg.Pool, event: StoredEvent): Promise<void> {
  if (event.aggregateType !== "task") return;
  const happened = triggerOf(toDomainEvent<TaskEvent>(event));
  if (!happened) return;
  const { rules } = await projectAt(pool, event.projectId, event.timestamp);
  const matching = rules.filter((rule) => matches(rule.trigger, happened));
  if (matching.length === 0 || (await chainTooLong(pool, event))) return;
  for (const rule of matching) {
    const run = async (board: LoadedBoard) => {
      const command = board.tasks[event.aggregateId] ? actionCommand(rule.action, event.aggregateId, board) : null;
      if (!command) return;
      await runAutomationCommand(pool, {
        stream: { aggregateType: "task", aggregateId: event.aggregateId },
        projectId: event.projectId,
        decider: taskDecider,
        command,
        actor: ruleActor(rule.ruleId),
        commandId: stableUuid(rule.ruleId, event.eventId),
        cause: causeOf(event),
      });
    };
    // Each rule sees what the rules before it did; a move takes its turn at the column like a user's.
    const board = await loadBoard(pool, event.projectId);
    await (rule.action.type === "moveToColumn" ? oneAtATimeInto({ db: pool, board }, rule.action.columnId, loadBoard, run) : run(board));
  }
}
