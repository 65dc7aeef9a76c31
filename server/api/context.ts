import { randomUUID } from "node:crypto";
import { sessionUser } from "../auth";
import { getPool } from "../db";
import type { ReadSource } from "../db";

/** Built per request: the caller comes from the session cookie, never from the input. */
export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  return {
    user: await sessionUser(headers),
    correlationId: correlationIdOf(headers),
    db: getPool(),
    readFrom: new Set(),
  };
}

/** The id that ties a request to its log lines: the caller's own (bounded), or a new one. */
export const correlationIdOf = (headers: Headers) => headers.get("x-correlation-id")?.slice(0, 64) || randomUUID();

export interface Context {
  user: Awaited<ReturnType<typeof sessionUser>>;
  correlationId: string;
  db: ReturnType<typeof getPool>;
  /** Which servers answered the request's history reads (the X-Read-From header); callers in tests leave it out. */
  readFrom?: Set<ReadSource>;
}
