import { getPool, isDatabaseUnavailable } from "../../db";
import { logger } from "../../log";
import { correlationIdOf } from "../context";
import { DATABASE_UNAVAILABLE, internalErrorMessage } from "../errors";

/** How long the database may take to answer a `SELECT 1` before it counts as out of reach. */
const DATABASE_TIMEOUT_MS = 1000;

/** Whether the primary database answers a `SELECT 1` within a second. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await Promise.race([
      getPool().query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), DATABASE_TIMEOUT_MS).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

type FaultAnswer = { status: 500 | 503; message: string; code: string; headers: Record<string, string> };

/**
 * What to answer a request that failed on the server, without the failure's words: 503 with Retry-After when
 * the database is out of reach (the failure says so, or — for a library that hides its failures, such as
 * better-auth — the database does not answer now), else 500 with the correlation id that finds it in the log.
 */
export async function faultAnswer(req: Request, error: unknown, detail: Record<string, unknown> = {}): Promise<FaultAnswer> {
  const correlationId = correlationIdOf(req.headers);
  const path = new URL(req.url).pathname;
  if (isDatabaseUnavailable(error) || !(await databaseReachable())) {
    logger.warn({ path, correlationId, ...detail }, "request failed: database unreachable");
    return { status: 503, message: DATABASE_UNAVAILABLE, code: "SERVICE_UNAVAILABLE", headers: { "Retry-After": "2" } };
  }
  logger.error({ err: error, path, correlationId, ...detail }, "request failed");
  return { status: 500, message: internalErrorMessage(correlationId), code: "INTERNAL_SERVER_ERROR", headers: {} };
}

/** A route handler whose thrown failures are answered as `faultAnswer` says instead of the framework's bare 500. */
export function answeringFaults<Rest extends unknown[]>(handler: (req: Request, ...rest: Rest) => Promise<Response>) {
  return async (req: Request, ...rest: Rest): Promise<Response> => {
    try {
      return await handler(req, ...rest);
    } catch (error) {
      const { status, message, code, headers } = await faultAnswer(req, error);
      return Response.json({ error: message, code }, { status, headers });
    }
  };
}
