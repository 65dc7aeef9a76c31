import { ProjectName } from "../../domain";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

export const renameProject = projectProcedure(managers)
  .input(commandInput.extend({ name: ProjectName }))
  .mutation(({ ctx, input }) => runProjectCommand(ctx, input, { type: "RenameProject", projectId: input.projectId, name: input.name }));
