import { z } from "zod";
import type { Role } from "../../domain";
import type { Db } from "../../db";
import { commandInstantOf, readStream } from "../../eventstore";
import { loadBoard } from "../../board-state";
import { InstantInput, notAfterNow } from "../as-of-instant";
import { projectProcedure, readers } from "../project-procedure";
import { boardView } from "./view";

/**
 * The board as it was at an instant, in board.get's shape, read-only. An instant after now means now
 * (and is answered as now). Before the project was created the answer says so, with when it was
 * created, rather than showing an empty board.
 */
export async function boardAsOfView(db: Db, projectId: string, requested: Date, role: Role) {
  const asOf = notAfterNow(requested);
  const board = await loadBoard(db, projectId, { until: asOf });
  if (!board.project.exists) {
    const [created] = await readStream(db, { aggregateType: "project", aggregateId: projectId }, { toVersion: 1 });
    return { asOf, exists: false as const, createdAt: await commandInstantOf(db, created!) };
  }
  return { asOf, exists: true as const, board: await boardView(db, board, role) };
}

export const boardAsOf = projectProcedure(readers)
  .input(z.object({ asOf: InstantInput }))
  .query(({ ctx, input }) => boardAsOfView(ctx.db, input.projectId, input.asOf, ctx.role));
