import { projectors, projectsOf } from "../../read-models";
import { waitForPosition } from "../../projectors";
import { readPosition } from "../read-position";
import { authedProcedure } from "../trpc";

const board = projectors.board!;

/**
 * The caller's projects. Task counts come from the board read model: with the position of the caller's last
 * write, it waits (2 s at most) until the model has it, so a task just added is counted.
 */
export const listProjects = authedProcedure.input(readPosition.optional()).query(async ({ ctx, input }) => {
  if (input?.position) await waitForPosition(ctx.db, board.name, input.position);
  return projectsOf(ctx.db, ctx.user.id);
});
