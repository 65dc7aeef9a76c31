import { Label, LabelColour } from "../../domain";
import { commandInput, editors, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

/** Who may choose a label's colour is the decider's rule too (editors: they are the ones who label tasks). */
export const setLabelColour = projectProcedure(editors)
  .input(commandInput.extend({ label: Label, colour: LabelColour }))
  .mutation(({ ctx, input }) =>
    runProjectCommand(ctx, input, {
      type: "SetLabelColour",
      projectId: input.projectId,
      actorId: ctx.user.id,
      label: input.label,
      colour: input.colour,
    }),
  );
