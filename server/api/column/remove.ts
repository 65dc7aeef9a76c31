import { columnTasks, Id } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "../project/project-command";

/** Only an empty column can go (archived tasks count: restoring one puts it back in its column). */
export const removeColumn = projectProcedure(managers)
  .input(commandInput.extend({ columnId: Id }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, {
      type: "RemoveColumn",
      projectId: input.projectId,
      columnId: input.columnId,
      tasksInColumn: columnTasks(ctx.board, input.columnId, { includeArchived: true }).length,
    }),
  );
