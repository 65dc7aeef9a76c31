import pg from "pg";
import { logger } from "../log";
import { processWide } from "../process-wide";

/** Where queries and transactions go: PostgreSQL itself, or a pooler such as PgBouncer in transaction mode. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

/**
 * Where the connections that need a session of their own go (LISTEN, session advisory locks): a pooler in
 * transaction mode hands each transaction whichever server connection is free, which a listener or a lock
 * holder cannot live with. DATABASE_DIRECT_URL, or DATABASE_URL when there is no pooler.
 */
export function directDatabaseUrl(): string {
  return process.env.DATABASE_DIRECT_URL || databaseUrl();
}

/**
 * A statement's name when statements can be prepared by name, else undefined (an unnamed statement, parsed
 * each time). Behind a pooler (DATABASE_DIRECT_URL differs from DATABASE_URL) consecutive statements of one
 * client may run on different server connections, which do not know a name prepared on another.
 */
export function statementName(name: string): string | undefined {
  // Asked on every hot statement; the URLs are set before the process's pool is made and stay.
  return (named ??= directDatabaseUrl() === databaseUrl()) ? name : undefined;
}
let named: boolean | undefined;

/**
 * A pool whose connections may die (PostgreSQL restarted, a connection terminated) without ending the
 * process: pg reports a lost connection as an "error" event on the client and, for an idle one, on the pool,
 * and an "error" event nobody listens to is thrown as an uncaught exception. The query under way or the next
 * one fails with the error, and the pool replaces the connection.
 */
export function newPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on("error", (err) => logger.warn({ err }, "idle database connection lost"));
  // A checked-out client between two queries has no listener of the pool's: its caller learns from its next query.
  pool.on("connect", (client) => client.on("error", (err) => logger.debug({ err }, "database connection lost")));
  return pool;
}

export function getPool(): pg.Pool {
  return processWide("chronoboardPool", () => newPool({ connectionString: databaseUrl(), max: 10 }));
}

/**
 * A few connections that only hold session advisory locks (server/commands/wip-lock.ts, rebuilds): a
 * request waiting for a lock waits on one of these, never on a connection that the lock's holder needs in
 * order to finish. Direct connections, since a session lock lives on one server connection.
 */
export function getLockPool(): pg.Pool {
  // allowExitOnIdle: scripts that end their main pool need not know about this one.
  return processWide("chronoboardLockPool", () => newPool({ connectionString: directDatabaseUrl(), max: 4, allowExitOnIdle: true }));
}

/**
 * A connection of its own to hold a session (LISTEN, a leadership lock). The caller must listen for its
 * "error" and "end" events, which say the session and everything it held are gone.
 */
export function newSessionClient(): pg.Client {
  return new pg.Client({ connectionString: directDatabaseUrl() });
}

/** Whether an error says the connection to PostgreSQL was lost or refused (a restart, a fail-over), not that a statement failed. */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  // 57P01-57P03: administrator or crash shutdown, cannot connect now; class 08: connection exceptions.
  if (code && (/^57P0[1-3]$/.test(code) || code.startsWith("08"))) return true;
  if (code && ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(code)) return true;
  return /Connection terminated|Client has encountered a connection error|not queryable/i.test(message ?? "");
}

// Prisma's codes for a server it cannot reach, a connection it lost, and a pool with no connection to give.
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
type PrismaMeta = { driverAdapterError?: { cause?: { originalCode?: string } } };

/**
 * Whether a failure, or any error it wraps (Prisma's driver adapter and tRPC nest them), is the database being
 * out of reach rather than a fault of the request: the caller is told to try again shortly (503), not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current = error;
  for (let depth = 0; current && depth < 8; depth++) {
    if (isConnectionLost(current)) return true;
    const { code, message, cause, meta } = current as { code?: string; message?: string; cause?: unknown; meta?: PrismaMeta };
    if (code && PRISMA_UNREACHABLE.has(code)) return true;
    // Prisma's driver adapter reports PostgreSQL's own code apart (P2039 "Database error", e.g. 57P03 while it
    // shuts down), and better-auth wraps that in an error of its own.
    if (isConnectionLost({ code: meta?.driverAdapterError?.cause?.originalCode })) return true;
    if (/timeout exceeded when trying to connect|Can't reach database server|Connection refused/i.test(message ?? "")) return true;
    current = cause;
  }
  return false;
}
