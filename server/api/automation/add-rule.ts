import { RuleAction, RuleName, RuleTrigger } from "../../domain";
import { stableUuid } from "../../eventstore";
import { runProjectCommand } from "../project/project-command";
import { commandInput, managers, projectProcedure } from "../project-procedure";

/** Adds a rule (owners and admins); its id follows from the command id, so a retried request adds it once. */
export const addRule = projectProcedure(managers)
  .input(commandInput.extend({ name: RuleName, trigger: RuleTrigger, action: RuleAction }))
  .mutation(async ({ ctx, input }) => {
    const ruleId = stableUuid(input.commandId, "rule");
    const { projectId, name, trigger, action } = input;
    return { ruleId, ...(await runProjectCommand(ctx, input, { type: "AddAutomationRule", projectId, ruleId, name, trigger, action })) };
  });
