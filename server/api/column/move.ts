import { z } from "zod";
import { Id } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "../project/project-command";

export const moveColumn = projectProcedure(managers)
  .input(commandInput.extend({ columnId: Id, toIndex: z.number().int().min(0).max(99) }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, { type: "MoveColumn", projectId: input.projectId, columnId: input.columnId, toIndex: input.toIndex }),
  );
