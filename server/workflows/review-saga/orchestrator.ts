import type pg from "pg";
import { type BoardContext, boardContext, type ReviewSagaEvent, reviewSagaActor, type TaskCommand, taskDecider, type TaskEvent } from "../../domain";
import type { Db } from "../../db";
import { stableUuid, type StoredEvent, toDomainEvent } from "../../eventstore";
import { loadBoard } from "../../board-state";
import type { Projector, Tx } from "../../projectors";
import { type Cause, causeOf, runAutomationCommand } from "../automation-command";
import { projectAt } from "../project-settings";
import { chooseReviewer } from "./reviewer";
import { sagaCommand, sagaStateAt } from "./stream";
import { cancelTimeout, type SagaTimeout, scheduleTimeout } from "./timeouts";

export const reviewSagaName = "automation.review_saga";

/**
 * The review saga's orchestrator: one saga per task, with its own stream (review_saga) holding each round.
 * It follows the feed through the projector runner, with its own checkpoint, and reacts in single steps,
 * each a command whose id derives from the event it reacts to:
 * - the task enters the review column → start a round (the saga chooses the reviewer and the deadline);
 * - a round started → assign its reviewer to the task and set its time limit;
 * - the reviewer approves or requests changes → complete the round (its limit no longer fires);
 * - the task leaves the review column while a round runs → compensate: release the reviewer;
 * - the limit passes first (timeouts.ts) → escalate: the review goes to another member with the role
 *   (when there is one), the task's priority is raised to urgent, and a comment says why. A round escalates
 *   once; it then waits for the reviewer or the task leaving review, like any other.
 */
export function reviewSagaOrchestrator(pool: pg.Pool): Projector {
  return { name: reviewSagaName, handle: (tx, event) => react(pool, tx, event) };
}

async function react(pool: pg.Pool, tx: Tx, event: StoredEvent): Promise<void> {
  if (event.aggregateType === "task") return reactToTask(pool, event, toDomainEvent<TaskEvent>(event));
  if (event.aggregateType === "review_saga") return reactToSaga(pool, tx, event, toDomainEvent<ReviewSagaEvent>(event));
}

async function reactToTask(pool: pg.Pool, event: StoredEvent, task: TaskEvent): Promise<void> {
  const cause = causeOf(event);
  const taskId = event.aggregateId;
  if (task.type === "TaskApproved" || task.type === "TaskChangesRequested") {
    const outcome = task.type === "TaskApproved" ? "approved" : "changes_requested";
    await sagaCommand(pool, event.projectId, { type: "CompleteReview", taskId, outcome }, "complete", cause);
    return;
  }
  if (task.type !== "TaskCreated" && task.type !== "TaskMoved") return;
  const from = task.type === "TaskMoved" ? task.data.fromColumnId : null;
  const to = task.type === "TaskMoved" ? task.data.toColumnId : task.data.columnId;
  if (from === to) return;
  const { reviewSaga: settings } = await projectAt(pool, event.projectId, event.timestamp);
  if (!settings) return;
  if (to === settings.columnId) {
    const board = await loadBoard(pool, event.projectId);
    const reviewerId = chooseReviewer(board, taskId, settings.reviewerRole);
    const dueAt = new Date(event.timestamp.getTime() + settings.timeoutSeconds * 1000).toISOString();
    await sagaCommand(pool, event.projectId, { type: "StartReview", taskId, reviewerId, dueAt }, "start", cause);
  } else if (from === settings.columnId) {
    await sagaCommand(pool, event.projectId, { type: "CompensateReview", taskId }, "compensate", cause);
  }
}

async function reactToSaga(pool: pg.Pool, tx: Tx, event: StoredEvent, saga: ReviewSagaEvent): Promise<void> {
  const cause = causeOf(event);
  switch (saga.type) {
    case "ReviewSagaStarted": {
      const { taskId, round, reviewerId, dueAt } = saga.data;
      await scheduleTimeout(tx, event, { taskId, round, dueAt });
      if (reviewerId) await taskStep(pool, event.projectId, taskId, cause, (board) => [{ type: "AssignReviewer", taskId, reviewerId, board }]);
      return;
    }
    case "ReviewSagaEscalated": {
      const { taskId } = await sagaStateAt(pool, event);
      const { toReviewerId } = saga.data;
      await taskStep(pool, event.projectId, taskId, cause, (board) => [
        ...(toReviewerId ? [{ type: "AssignReviewer" as const, taskId, reviewerId: toReviewerId, board }] : []),
        { type: "ChangePriority", taskId, priority: "urgent" },
        {
          type: "CommentOnTask",
          taskId,
          commentId: stableUuid(event.eventId, "comment"),
          body: toReviewerId
            ? "Review overdue: the reviewer did not act within the time limit, so the review saga handed it to another reviewer and raised the priority."
            : "Review overdue: the reviewer did not act within the time limit, so the review saga raised the priority (no other reviewer is available).",
        },
      ]);
      return;
    }
    case "ReviewSagaCompleted":
      await cancelTimeout(tx, event.aggregateId, saga.data.round);
      return;
    case "ReviewSagaCompensated": {
      await cancelTimeout(tx, event.aggregateId, saga.data.round);
      const { taskId } = await sagaStateAt(pool, event);
      await taskStep(pool, event.projectId, taskId, cause, () => [{ type: "ReleaseReviewer", taskId }]);
      return;
    }
  }
}

/** The saga's commands on the task, decided together as one step. */
async function taskStep(pool: pg.Pool, projectId: string, taskId: string, cause: Cause, plan: (board: BoardContext) => TaskCommand[]) {
  const board = boardContext(await loadBoard(pool, projectId));
  await runAutomationCommand(pool, {
    stream: { aggregateType: "task", aggregateId: taskId },
    projectId,
    decider: taskDecider,
    commands: () => plan(board),
    actor: reviewSagaActor,
    commandId: stableUuid("review-saga:task", cause.eventId),
    cause,
  });
}

/** A round's time limit passed: escalate it, handing the review to another member with the role if any. */
export async function escalate(db: Db, timeout: SagaTimeout): Promise<void> {
  const board = await loadBoard(db, timeout.projectId);
  const { reviewSaga: settings } = await projectAt(db, timeout.projectId);
  const current = board.tasks[timeout.taskId]?.reviewerId ?? null;
  const toReviewerId = settings ? chooseReviewer(board, timeout.taskId, settings.reviewerRole, [current]) : null;
  const cause = { eventId: timeout.scheduledBy, correlationId: timeout.correlationId };
  await sagaCommand(db, timeout.projectId, { type: "EscalateReview", taskId: timeout.taskId, round: timeout.round, toReviewerId }, `timeout:${timeout.round}`, cause);
}
