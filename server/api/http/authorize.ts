import { Id, type Role } from "../../domain";
import { requestUser } from "../../auth";
import { getPool } from "../../db";
import { projectAccess } from "../project-procedure";

/**
 * Authorises a plain HTTP route on one project (session cookie or API token; the session only, with tokens: false). Unknown and forbidden
 * projects both answer 404, as in the tRPC API.
 */
export async function authorizeProjectRequest(req: Request, projectId: string, roles: Role[], opts: { tokens?: boolean } = {}) {
  // API tokens read; a route that writes may refuse them and take a signed-in session only.
  if (opts.tokens === false && req.headers.has("authorization")) {
    return { error: Response.json({ error: "API tokens may only read: sign in to do this" }, { status: 403 }) } as const;
  }
  const user = await requestUser(req.headers);
  if (!user) return { error: Response.json({ error: "Sign in or send an API token" }, { status: 401 }) } as const;
  const access = Id.safeParse(projectId).success ? await projectAccess(getPool(), user.id, projectId, roles) : null;
  if (!access) return { error: Response.json({ error: "Project not found" }, { status: 404 }) } as const;
  return { user, ...access } as const;
}
