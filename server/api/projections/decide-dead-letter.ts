import { Id, ProjectorName, Reason } from "../../domain/events/fields";
import { decideDeadLetter } from "../../projections/runner/decisions";
import { commandAnswer, commandContext } from "../command-context";
import { notFound } from "../errors";
import { commandInput, managers, projectProcedure } from "../project-procedure";

const decisionInput = commandInput.extend({ projector: ProjectorName, eventId: Id, reason: Reason });

/** Retry (after a fix) or skip a parked event of the project; the decision is recorded in the project's log. */
function decision(action: "retry" | "skip") {
  return projectProcedure(managers)
    .input(decisionInput)
    .mutation(async ({ ctx, input }) => {
      const { projectId, projector, eventId, reason } = input;
      const result = await decideDeadLetter(ctx.db, { projectId, projector, eventId, reason, action }, commandContext(ctx, input));
      if (!result) throw notFound("Dead letter");
      return commandAnswer(result);
    });
}

export const retryDeadLetter = decision("retry");
export const skipDeadLetter = decision("skip");
