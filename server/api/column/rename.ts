import { ColumnName, Id } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "../project/project-command";

export const renameColumn = projectProcedure(managers)
  .input(commandInput.extend({ columnId: Id, name: ColumnName }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, { type: "RenameColumn", projectId: input.projectId, columnId: input.columnId, name: input.name }),
  );
