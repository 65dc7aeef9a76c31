import type { ReviewSagaEvent } from "../events";
import { parseCommand } from "../parse-command";
import { ReviewSagaCommand } from "./commands";
import type { ReviewSagaState } from "./state";

/**
 * The review saga's decisions. It reacts to what already happened, so it never refuses: a step that no
 * longer applies (a second start while a round runs, a timeout of a finished round, the end of a review that
 * is not running) decides nothing, which also makes every redelivered step harmless.
 */
export function decideReviewSaga(input: ReviewSagaCommand, state: ReviewSagaState): ReviewSagaEvent[] {
  const command = parseCommand(ReviewSagaCommand, input);
  const running = state.status !== "idle";
  switch (command.type) {
    case "StartReview": {
      if (running) return [];
      const { taskId, reviewerId, dueAt } = command;
      return [{ type: "ReviewSagaStarted", data: { taskId, round: state.round + 1, reviewerId, dueAt } }];
    }
    case "EscalateReview":
      if (state.status !== "awaiting" || command.round !== state.round) return [];
      return [{ type: "ReviewSagaEscalated", data: { round: state.round, fromReviewerId: state.reviewerId, toReviewerId: command.toReviewerId } }];
    case "CompleteReview":
      if (!running) return [];
      return [{ type: "ReviewSagaCompleted", data: { round: state.round, outcome: command.outcome } }];
    case "CompensateReview":
      if (!running) return [];
      return [{ type: "ReviewSagaCompensated", data: { round: state.round } }];
  }
}
