import { randomUUID } from "node:crypto";
import { sessionUser } from "../auth";
import { getPool } from "../db";

/** Built per request: the caller comes from the session cookie, never from the input. */
export async function createContext({ headers }: { headers: Headers }) {
  return {
    user: await sessionUser(headers),
    correlationId: headers.get("x-correlation-id")?.slice(0, 64) || randomUUID(),
    db: getPool(),
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;
