import { UserId } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

export const removeMember = projectProcedure(managers)
  .input(commandInput.extend({ userId: UserId }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, { type: "RemoveMember", projectId: input.projectId, actorId: ctx.user.id, userId: input.userId }),
  );
