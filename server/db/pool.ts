import pg from "pg";

/** One connection pool per process, shared by the event store and the Prisma client. */
const globalForPool = globalThis as unknown as { chronoboardPool?: pg.Pool };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

export function getPool(): pg.Pool {
  globalForPool.chronoboardPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 10 });
  return globalForPool.chronoboardPool;
}
