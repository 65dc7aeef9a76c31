import { z } from "zod";
import type { Role } from "../domain";
import type { Db } from "../db";
import { loadBoard, loadCommandBoard, type LoadedBoard } from "../board-state";
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

/**
 * A procedure of a task command: as projectProcedure, on the command board (board-state/command-board.ts),
 * which holds what a command checks and costs the same on a board of any size.
 */
export function commandProcedure(roles: Role[]) {
  return authedProcedure.input(z.object({ projectId: z.uuid() })).use(async ({ ctx, input, next }) => {
    const access = admitted(await loadCommandBoard(ctx.db, input.projectId), ctx.user.id, roles);
    if (!access) throw notFound();
    return next({ ctx: { ...ctx, ...access } });
  });
}

/** The project's board and the user's role in it, or null when the user may not use it in those roles. */
export async function projectAccess(db: Db, userId: string, projectId: string, roles: Role[]) {
  return admitted(await loadBoard(db, projectId), userId, roles);
}

function admitted<B extends Pick<LoadedBoard, "project" | "members">>(board: B, userId: string, roles: Role[]) {
  const role = board.members[userId];
  if (!board.project.exists || !role || !roles.includes(role)) return null;
  return { board, role };
}

/** Every command carries an id chosen by the client for the user's action, so a retry is recognised. */
export const commandInput = z.object({ commandId: z.uuid() });
