import { Id, WipLimit } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "../project/project-command";

/** wipLimit null removes the limit. */
export const setWipLimit = projectProcedure(managers)
  .input(commandInput.extend({ columnId: Id, wipLimit: WipLimit }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, { type: "SetWipLimit", projectId: input.projectId, columnId: input.columnId, wipLimit: input.wipLimit }),
  );
