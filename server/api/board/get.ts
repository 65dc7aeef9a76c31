import { projectors, readModelBoard } from "../../read-models";
import { projectionLag, waitForPosition } from "../../projectors";
import { projectProcedure, readers } from "../project-procedure";
import { readPosition } from "../read-position";
import { boardView } from "./view";

const board = projectors.board!;

/**
 * The board from its read model. With the position of the caller's last write, waits (2 s at most) until
 * the read model has it, so users see their own changes; a read model still behind after that, or one
 * holding parked events, answers all the same and says so (lag), and the page shows it. Access is checked
 * on the log (projectProcedure), so a member added a moment ago is let in at once.
 */
export const getBoard = projectProcedure(readers)
  .input(readPosition)
  .query(async ({ ctx, input }) => {
    let model = await readModelBoard(ctx.db, input.projectId);
    // A project the read model has not reached yet is waited for like a write.
    const position = input.position ?? (model ? null : ctx.board.position);
    if (position) {
      await waitForPosition(ctx.db, board.name, position);
      model = await readModelBoard(ctx.db, input.projectId);
    }
    const lag = await projectionLag(ctx.db, board.name, input.projectId);
    // Still without the project (its projector is down or its creation parked): the log's board, marked behind.
    return { ...(await boardView(ctx.db, model ?? ctx.board, ctx.role)), lag };
  });
