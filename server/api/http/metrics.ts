import { isOperator, requestUser } from "../../auth";
import { getPool } from "../../db";
import { metrics } from "../../metrics";
import { refreshHealthGauges } from "../../projectors";

/**
 * GET /api/metrics — Prometheus metrics of this instance, for operators only (session cookie or API
 * token): 401 without credentials, 404 to anyone else, as if there were nothing here. The projection lag
 * and dead letters are read from the database at each scrape.
 */
export async function metricsResponse(req: Request): Promise<Response> {
  const user = await requestUser(req.headers);
  if (!user) return Response.json({ error: "Sign in or send an API token" }, { status: 401 });
  const db = getPool();
  if (!(await isOperator(db, user.id))) return Response.json({ error: "Not found" }, { status: 404 });
  await refreshHealthGauges(db);
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
