import type pg from "pg";
import type { z } from "zod";
import { Id, ProjectorName, Reason } from "../../domain";
import { decideDeadLetter } from "../../projectors";
import { commandAnswer, commandContext } from "../command-context";
import { notFound } from "../errors";
import { commandInput, managers, projectProcedure } from "../project-procedure";

/** What a retry or skip names: the parked event (by projector), why, and the client's command id. */
export const decisionInput = commandInput.extend({ projector: ProjectorName, eventId: Id, reason: Reason });

type DecisionInput = z.infer<typeof decisionInput> & { projectId: string };

/** Records the decision in the project's log and applies it (decisions.ts); NOT_FOUND for no such dead letter. */
export async function decide(
  ctx: { db: pg.Pool; user: { id: string }; correlationId: string },
  input: DecisionInput,
  action: "retry" | "skip",
) {
  const { projectId, projector, eventId, reason } = input;
  const result = await decideDeadLetter(ctx.db, { projectId, projector, eventId, reason, action }, commandContext(ctx, input));
  if (!result) throw notFound("Dead letter");
  return commandAnswer(result);
}

/** Retry (after a fix) or skip a parked event of the project; the decision is recorded in the project's log. */
function decision(action: "retry" | "skip") {
  return projectProcedure(managers)
    .input(decisionInput)
    .mutation(({ ctx, input }) => decide(ctx, input, action));
}

export const retryDeadLetter = decision("retry");
export const skipDeadLetter = decision("skip");
