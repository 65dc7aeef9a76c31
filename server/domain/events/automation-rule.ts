import { z } from "zod";
import { Id, Label, Priority, Role, UserId } from "./fields";

/** What a rule reacts to: a task entering a column (created in it or moved into it), or its reviewer approving it. */
export const RuleTrigger = z.discriminatedUnion("type", [
  z.object({ type: z.literal("taskEnteredColumn"), columnId: Id }),
  z.object({ type: z.literal("taskApproved") }),
]);

/**
 * What a rule does to the task. assignRole assigns the member with that role who has the fewest open tasks
 * (ties by user id), so a rule keeps working as the team changes.
 */
export const RuleAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("assignUser"), userId: UserId }),
  z.object({ type: z.literal("assignRole"), role: Role }),
  z.object({ type: z.literal("setPriority"), priority: Priority }),
  z.object({ type: z.literal("addLabel"), label: Label }),
  z.object({ type: z.literal("moveToColumn"), columnId: Id }),
]);

export const RuleName = z.string().trim().min(1, "Name the rule").max(80, "Rule name is longer than 80 characters");
/** The review saga's time limit for a reviewer to act, in seconds (up to 30 days). */
export const ReviewTimeout = z.number().int().min(1, "The time limit must be at least 1 second").max(30 * 24 * 3600, "The time limit is at most 30 days");

export type RuleTrigger = z.infer<typeof RuleTrigger>;
export type RuleAction = z.infer<typeof RuleAction>;
