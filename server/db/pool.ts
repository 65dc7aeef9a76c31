import pg from "pg";

/** One connection pool per process, shared by the event store and the Prisma client. */
const globalForPool = globalThis as unknown as { chronoboardPool?: pg.Pool; chronoboardLockPool?: pg.Pool };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

export function getPool(): pg.Pool {
  globalForPool.chronoboardPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 10 });
  return globalForPool.chronoboardPool;
}

/**
 * A few connections that only hold advisory locks (server/commands/wip-lock.ts): a request waiting for a
 * lock waits on one of these, never on a connection that the lock's holder needs in order to finish.
 */
export function getLockPool(): pg.Pool {
  // allowExitOnIdle: scripts that end their main pool need not know about this one.
  globalForPool.chronoboardLockPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 4, allowExitOnIdle: true });
  return globalForPool.chronoboardLockPool;
}
