import type { ReviewSagaEvent } from "../events";
import type { ReviewSagaState } from "./state";

export function evolveReviewSaga(state: ReviewSagaState, event: ReviewSagaEvent): ReviewSagaState {
  switch (event.type) {
    case "ReviewSagaStarted": {
      const { taskId, round, reviewerId, dueAt } = event.data;
      return { taskId, round, status: "awaiting", reviewerId, dueAt };
    }
    case "ReviewSagaEscalated":
      return { ...state, status: "escalated", reviewerId: event.data.toReviewerId ?? state.reviewerId, dueAt: null };
    case "ReviewSagaCompleted":
    case "ReviewSagaCompensated":
      return { ...state, status: "idle", reviewerId: null, dueAt: null };
  }
}
