import { Role, UserId } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

/** Who may grant which role is the decider's rule (only owners touch the owner role, one owner always stays). */
export const changeMemberRole = projectProcedure(managers)
  .input(commandInput.extend({ userId: UserId, role: Role }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, {
      type: "ChangeMemberRole",
      projectId: input.projectId,
      actorId: ctx.user.id,
      userId: input.userId,
      role: input.role,
    }),
  );
