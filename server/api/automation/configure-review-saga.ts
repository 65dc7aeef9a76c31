import { Id, ReviewTimeout, Role } from "../../domain";
import { runProjectCommand } from "../project/project-command";
import { commandInput, managers, projectProcedure } from "../project-procedure";

/** Turns the review saga on for a column (columnId null: off), with the reviewers' role and time limit. */
export const configureReviewSaga = projectProcedure(managers)
  .input(commandInput.extend({ columnId: Id.nullable(), reviewerRole: Role, timeoutSeconds: ReviewTimeout }))
  .mutation(({ ctx, input }) => {
    const { projectId, columnId, reviewerRole, timeoutSeconds } = input;
    return runProjectCommand(ctx, input, { type: "ConfigureReviewSaga", projectId, columnId, reviewerRole, timeoutSeconds });
  });
