import pg from "pg";
import { processWide } from "../process-wide";


export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

export function getPool(): pg.Pool {
  // One connection pool per process, shared by the event store and the Prisma client.
  return processWide("chronoboardPool", () => new pg.Pool({ connectionString: databaseUrl(), max: 10 }));
}

/**
 * A few connections that only hold advisory locks (server/commands/wip-lock.ts): a request waiting for a
 * lock waits on one of these, never on a connection that the lock's holder needs in order to finish.
 */
export function getLockPool(): pg.Pool {
  // allowExitOnIdle: scripts that end their main pool need not know about this one.
  return processWide("chronoboardLockPool", () => new pg.Pool({ connectionString: databaseUrl(), max: 4, allowExitOnIdle: true }));
}
