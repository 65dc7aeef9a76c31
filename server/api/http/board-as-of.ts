import { z } from "zod";
import { readHistory } from "../../db";
import { InstantInput } from "../as-of-instant";
import { boardAsOfView } from "../board/as-of";
import { historyInput, readFromHeaders } from "../history-read";
import { readers } from "../project-procedure";
import { authorizeProjectRequest } from "./authorize";

/** An ISO-8601 instant with its offset (2026-11-12T14:05:00Z, …+01:00) in the years 0001-9999; absent = now. */
const AsOfQuery = z.object({ asOf: InstantInput.optional() }).extend(historyInput.shape);

/**
 * GET /api/v1/projects/{projectId}/board?asOf=<ISO-8601>[&lsn=] — the board as of an instant as JSON, for
 * integrations and auditors (README, "Time travel"). Every reader role, by session or API token. Read from
 * the replica when there is one (after the write at `lsn`, when given); X-Read-From says which server answered.
 */
export async function boardAsOfResponse(req: Request, projectId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, readers);
  if (access.error) return access.error;
  const query = AsOfQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const lsn = query.error.issues.some((issue) => issue.path[0] === "lsn");
    const error = lsn
      ? "Invalid lsn: give a WAL position such as 0/16B3748, as a command answered"
      : "Invalid asOf: give an ISO-8601 date-time with an offset in the years 0001-9999, e.g. 2026-11-12T14:05:00Z";
    return Response.json({ error }, { status: 400 });
  }
  const asOf = query.data.asOf ?? new Date();
  const { value, readFrom } = await readHistory(query.data.lsn, (db) => boardAsOfView(db, projectId, asOf, access.role));
  return Response.json(value, { headers: readFromHeaders(new Set([readFrom])) });
}
