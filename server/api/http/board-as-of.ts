import { z } from "zod";
import { getPool } from "../../db";
import { InstantInput } from "../as-of-instant";
import { boardAsOfView } from "../board/as-of";
import { readers } from "../project-procedure";
import { authorizeProjectRequest } from "./authorize";

/** An ISO-8601 instant with its offset (2026-11-12T14:05:00Z, …+01:00) in the years 0001-9999; absent = now. */
const AsOfQuery = z.object({ asOf: InstantInput.optional() });

/**
 * GET /api/v1/projects/{projectId}/board?asOf=<ISO-8601> — the board as of an instant as JSON, for
 * integrations and auditors (README, "Time travel"). Every reader role, by session or API token.
 */
export async function boardAsOfResponse(req: Request, projectId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, readers);
  if (access.error) return access.error;
  const query = AsOfQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    return Response.json({ error: "Invalid asOf: give an ISO-8601 date-time with an offset in the years 0001-9999, e.g. 2026-11-12T14:05:00Z" }, { status: 400 });
  }
  const asOf = query.data.asOf ?? new Date();
  return Response.json(await boardAsOfView(getPool(), projectId, asOf, access.role));
}
