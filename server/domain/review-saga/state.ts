/** idle: no review running; awaiting: the reviewer has until dueAt; escalated: the time limit passed once. */
export type ReviewSagaStatus = "idle" | "awaiting" | "escalated";

export type ReviewSagaState = {
  taskId: string;
  /** Rounds count from 1; 0 before the first. */
  round: number;
  status: ReviewSagaStatus;
  reviewerId: string | null;
  dueAt: string | null;
};

export const initialReviewSagaState = (): ReviewSagaState => ({ taskId: "", round: 0, status: "idle", reviewerId: null, dueAt: null });
