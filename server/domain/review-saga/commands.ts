import { z } from "zod";
import { Id, Instant, UserId } from "../events/fields";

/** Every command names the task the saga is about; the handler loads that task's saga stream. */
const command = <const T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), taskId: Id, ...shape });

/** The orchestrator chose the reviewer (null: nobody can review) and computed the deadline. */
export const StartReview = command("StartReview", { reviewerId: UserId.nullable(), dueAt: Instant });
/** A round's time limit passed; round names which, so a late timeout of an earlier round changes nothing. */
export const EscalateReview = command("EscalateReview", { round: z.number().int().min(1), toReviewerId: UserId.nullable() });
export const CompleteReview = command("CompleteReview", { outcome: z.enum(["approved", "changes_requested"]) });
export const CompensateReview = command("CompensateReview", {});

export const ReviewSagaCommand = z.discriminatedUnion("type", [StartReview, EscalateReview, CompleteReview, CompensateReview]);
export type ReviewSagaCommand = z.input<typeof ReviewSagaCommand>;
