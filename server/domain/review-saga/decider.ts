import type { Decider } from "../decider";
import type { ReviewSagaEvent } from "../events";
import type { ReviewSagaCommand } from "./commands";
import { decideReviewSaga } from "./decide";
import { evolveReviewSaga } from "./evolve";
import { initialReviewSagaState, type ReviewSagaState } from "./state";

export const reviewSagaDecider: Decider<ReviewSagaState, ReviewSagaCommand, ReviewSagaEvent> = {
  decide: decideReviewSaga,
  evolve: evolveReviewSaga,
  initialState: initialReviewSagaState,
  stateSchemaVersion: 1,
};
