import { Id } from "../../domain";
import { runProjectCommand } from "../project/project-command";
import { commandInput, managers, projectProcedure } from "../project-procedure";

export const removeRule = projectProcedure(managers)
  .input(commandInput.extend({ ruleId: Id }))
  .mutation(({ ctx, input }) => runProjectCommand(ctx, input, { type: "RemoveAutomationRule", projectId: input.projectId, ruleId: input.ruleId }));
