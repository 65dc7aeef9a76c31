import { randomUUID } from "node:crypto";
import { sessionUser } from "../auth";
import { getPool } from "../db";
import type { ReadSource } from "../db";

/** Built per request: the caller comes from the session cookie, never from the input. */
export async function createContext({ headers }: { headers: Headers }): Promise<Context> {
  return {
    user: await sessionUser(headers),
    correlationId: headers.get("x-correlation-id")?.slice(0, 64) || randomUUID(),
    db: getPool(),
    readFrom: new Set(),
  };
}

export interface Context {
  user: Awaited<ReturnType<typeof sessionUser>>;
  correlationId: string;
  db: ReturnType<typeof getPool>;
  /** Which servers answered the request's history reads (the X-Read-From header); callers in tests leave it out. */
  readFrom?: Set<ReadSource>;
}
