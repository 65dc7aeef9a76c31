import { type ReviewSagaCommand, reviewSagaActor, reviewSagaDecider, type ReviewSagaState } from "../../domain";
import type { Db } from "../../db";
import { loadAggregate, stableUuid, type StoredEvent } from "../../eventstore";
import { type Cause, runAutomationCommand } from "../automation-command";

/** The saga's own stream for a task: a separate id, so its events never pass for the task's. */
export const sagaIdOf = (taskId: string) => stableUuid("review-saga", taskId);

/**
 * One saga step on the task's saga stream, as the saga actor. `step` names the step, so its command id (and
 * events) follow from the step and its cause alone.
 */
export function sagaCommand(db: Db, projectId: string, command: ReviewSagaCommand, step: string, cause: Cause) {
  return runAutomationCommand(db, {
    stream: { aggregateType: "review_saga", aggregateId: sagaIdOf(command.taskId) },
    projectId,
    decider: reviewSagaDecider,
    command,
    actor: reviewSagaActor,
    commandId: stableUuid(`review-saga:${step}`, cause.eventId),
    cause,
  });
}

/** The saga's state after one of its events: which task it is about, its round, its reviewer. */
export async function sagaStateAt(db: Db, event: StoredEvent): Promise<ReviewSagaState> {
  const stream = { aggregateType: event.aggregateType, aggregateId: event.aggregateId };
  return (await loadAggregate(db, stream, reviewSagaDecider, { toVersion: event.version })).state;
}
