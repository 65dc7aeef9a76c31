import { projectDecider, ProjectName } from "../../domain";
import { handleCommand, stableUuid } from "../../eventstore";
import { commandAnswer, commandContext } from "../command-context";
import { commandInput } from "../project-procedure";
import { authedProcedure } from "../trpc";

export const DEFAULT_COLUMNS = ["To do", "In progress", "Review", "Done"];

export const createProjectInput = commandInput.extend({ name: ProjectName });

/** The caller becomes the owner; the board starts with the default columns, which can all be changed. */
export const createProject = authedProcedure.input(createProjectInput).mutation(async ({ ctx, input }) => {
  const projectId = stableUuid(input.commandId, "project");
  const result = await handleCommand(ctx.db, {
    stream: { aggregateType: "project", aggregateId: projectId },
    projectId,
    decider: projectDecider,
    command: {
      type: "CreateProject",
      projectId,
      name: input.name,
      ownerId: ctx.user.id,
      columns: DEFAULT_COLUMNS.map((name, i) => ({ columnId: stableUuid(input.commandId, `column-${i}`), name, wipLimit: null })),
    },
    context: commandContext(ctx, input),
  });
  return { projectId, ...commandAnswer(result) };
});

