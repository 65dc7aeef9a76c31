import { z } from "zod";
import type { Role } from "../domain";
import type { Db } from "../db";
import { loadBoard } from "../board-state";
import { notFound } from "./errors";
import { authedProcedure } from "./trpc";

export const readers: Role[] = ["owner", "admin", "member", "viewer", "auditor"];
export const editors: Role[] = ["owner", "admin", "member"];
export const managers: Role[] = ["owner", "admin"];
/** Who may check the audit trail and download compliance exports. */
export const auditors: Role[] = ["owner", "admin", "auditor"];

/**
 * A procedure on one project: loads its board and admits only members with one of the given roles.
 * An unknown project and a project the caller may not use answer alike (NOT_FOUND), so ids leak nothing.
 */
export function projectProcedure(roles: Role[]) {
  return authedProcedure.input(z.object({ projectId: z.uuid() })).use(async ({ ctx, input, next }) => {
    const access = await projectAccess(ctx.db, ctx.user.id, input.projectId, roles);
    if (!access) throw notFound();
    return next({ ctx: { ...ctx, ...access } });
  });
}

/** The project's board and the user's role in it, or null when the user may not use it in those roles. */
export async function projectAccess(db: Db, userId: string, projectId: string, roles: Role[]) {
  const board = await loadBoard(db, projectId);
  const role = board.members[userId];
  if (!board.project.exists || !role || !roles.includes(role)) return null;
  return { board, role };
}

/** Every command carries an id chosen by the client for the user's action, so a retry is recognised. */
export const commandInput = z.object({ commandId: z.uuid() });
