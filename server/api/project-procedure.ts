import { z } from "zod";
import type { Role } from "../domain/events/fields";
import { loadBoard } from "../projections/board";
import { notFound } from "./errors";
import { authedProcedure } from "./trpc";

export const readers: Role[] = ["owner", "admin", "member", "viewer", "auditor"];
export const editors: Role[] = ["owner", "admin", "member"];
export const managers: Role[] = ["owner", "admin"];

/**
 * A procedure on one project: loads its board and admits only members with one of the given roles.
 * An unknown project and a project the caller may not use answer alike (NOT_FOUND), so ids leak nothing.
 */
export function projectProcedure(roles: Role[]) {
  return authedProcedure.input(z.object({ projectId: z.uuid() })).use(async ({ ctx, input, next }) => {
    const board = await loadBoard(ctx.db, input.projectId);
    const role = board.members[ctx.user.id];
    if (!board.project.exists || !role || !roles.includes(role)) throw notFound();
    return next({ ctx: { ...ctx, board, role } });
  });
}

/** Every command carries an id chosen by the client for the user's action, so a retry is recognised. */
export const commandInput = z.object({ commandId: z.uuid() });
