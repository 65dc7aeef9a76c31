import { databaseReachable } from "./fault-response";

/**
 * GET /api/health — for a load balancer's health check (HAProxy's in `npm run cluster`): 200 when this
 * instance answers and its primary database does (one `SELECT 1` within a second), 503 otherwise. No session
 * needed; it says nothing but that.
 */
export async function healthResponse(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  if (await databaseReachable()) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers });
}
