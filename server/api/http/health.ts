import { getPool } from "../../db";

/** How long the database may take to answer before the instance calls itself unhealthy. */
const DATABASE_TIMEOUT_MS = 1000;

/**
 * GET /api/health — for a load balancer's health check (HAProxy's in `npm run cluster`): 200 when this
 * instance answers and its primary database does (one `SELECT 1`), 503 otherwise. No session needed; it
 * says nothing but that.
 */
export async function healthResponse(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    await Promise.race([
      getPool().query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", reason: "database unreachable" }, { status: 503, headers });
  }
}
