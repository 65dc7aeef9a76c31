import { ColumnName, WipLimit } from "../../domain";
import { stableUuid } from "../../eventstore";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "../project/project-command";

export const addColumn = projectProcedure(managers)
  .input(commandInput.extend({ name: ColumnName, wipLimit: WipLimit.default(null) }))
  .mutation(async ({ ctx, input }) => {
    const columnId = stableUuid(input.commandId, "column");
    const answer = await runProjectCommand(ctx, input, {
      type: "AddColumn",
      projectId: input.projectId,
      columnId,
      name: input.name,
      wipLimit: input.wipLimit,
    });
    return { columnId, ...answer };
  });
