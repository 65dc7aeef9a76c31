import { z } from "zod";
import { defineEvent } from "./define";
import { Id, Instant, UserId } from "./fields";

/*
 * The review saga's own stream (aggregate type review_saga, one per task): each round starts when the task
 * enters the review column and ends when the reviewer decides or the task leaves the column (compensation).
 */
const Round = z.number().int().min(1);
export const ReviewSagaStarted = defineEvent("ReviewSagaStarted", 1, { taskId: Id, round: Round, reviewerId: UserId.nullable(), dueAt: Instant });
/** The reviewer did not act in time: the review goes to toReviewerId (null: nobody else can take it). */
export const ReviewSagaEscalated = defineEvent("ReviewSagaEscalated", 1, {
  round: Round,
  fromReviewerId: UserId.nullable(),
  toReviewerId: UserId.nullable(),
});
export const ReviewSagaCompleted = defineEvent("ReviewSagaCompleted", 1, { round: Round, outcome: z.enum(["approved", "changes_requested"]) });
/** The task left review before approval: the saga undoes what it did (releases the reviewer). */
export const ReviewSagaCompensated = defineEvent("ReviewSagaCompensated", 1, { round: Round });

export const reviewSagaEventSchemas = [ReviewSagaStarted, ReviewSagaEscalated, ReviewSagaCompleted, ReviewSagaCompensated] as const;

export const ReviewSagaEvent = z.discriminatedUnion("type", reviewSagaEventSchemas);
export type ReviewSagaEvent = z.infer<typeof ReviewSagaEvent>;
