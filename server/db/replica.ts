import pg from "pg";
import { processWide } from "../process-wide";
import { getPool } from "./pool";

/**
 * History reads (time travel, task and project history, the audit log, analytics, exports) may go to a hot
 * standby, DATABASE_REPLICA_URL, instead of loading the primary; without it they read the primary.
 *
 * Read-your-writes: a write answers with the primary's WAL position after its commit (writtenLsn); a read
 * given that position waits, at most REPLICA_WAIT_MS, until the standby has replayed it, and otherwise reads
 * the primary. A standby that fails a read (stopped, restarting, a query cancelled by recovery) is skipped for
 * a moment and the read runs on the primary instead. Every answer says which one it used.
 *
 * Reading the ordered feed on a standby keeps the primary's rules: its pg_current_snapshot() is built from the
 * transactions it knows to be running at the replayed point, and a WAL record of transaction id x makes it
 * count every unseen id below x as running, so nothing that can still commit sorts below its
 * pg_snapshot_xmin (tests/cluster/replica-feed.cluster.test.ts).
 */
export type ReadSource = "replica" | "primary";

/** How long a read waits for the standby to replay the reader's last write before it reads the primary. */
export const REPLICA_WAIT_MS = Number(process.env.REPLICA_WAIT_MS ?? 1000);
/** A standby that failed is not asked again for this long (each process decides on its own: a cache). */
const SKIP_FAILED_MS = 2000;
const POLL_MS = 20;

function replica(): { pool: pg.Pool | null; skipUntil: number } {
  return processWide("chronoboardReplica", () => {
    const url = process.env.DATABASE_REPLICA_URL;
    const pool = url ? new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2000 }) : null;
    // An idle connection the standby closed (stopped, restarted) is dropped by the pool; reads then fall back.
    pool?.on("error", () => {});
    return { pool, skipUntil: 0 };
  });
}

export function hasReplica(): boolean {
  return replica().pool !== null;
}

/** A WAL position as PostgreSQL prints one (pg_lsn): two hexadecimal numbers, e.g. 0/16B3748. */
export const LSN_PATTERN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/**
 * The primary's WAL position once the caller's write has committed (its commit record is at or before it),
 * or null without a replica: what a reader sends back to read its own write on the standby.
 */
export async function writtenLsn(db: pg.Pool | pg.PoolClient = getPool()): Promise<string | null> {
  if (!hasReplica()) return null;
  const { rows } = await db.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
  return rows[0]!.lsn;
}

/** Whether the standby has replayed the WAL up to the position (a server that is no standby has everything). */
async function replayed(pool: pg.Pool, lsn: string): Promise<boolean> {
  const { rows } = await pool.query<{ done: boolean }>(
    `SELECT NOT pg_is_in_recovery() OR coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done`,
    [lsn],
  );
  return rows[0]!.done;
}

async function waitReplayed(pool: pg.Pool, lsn: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await replayed(pool, lsn)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Which pool a history read should use: the standby when there is one, it answers, and it has replayed `lsn`
 * (when given) within REPLICA_WAIT_MS; the primary otherwise.
 */
export async function historySource(lsn?: string | null): Promise<{ db: pg.Pool; readFrom: ReadSource }> {
  const state = replica();
  const primary = { db: getPool(), readFrom: "primary" as const };
  if (!state.pool || Date.now() < state.skipUntil) return primary;
  try {
    if (lsn && !(await waitReplayed(state.pool, lsn, REPLICA_WAIT_MS))) return primary;
    return { db: state.pool, readFrom: "replica" };
  } catch {
    state.skipUntil = Date.now() + SKIP_FAILED_MS;
    return primary;
  }
}

/**
 * Runs a history read on historySource(lsn); should the standby fail it, runs it again on the primary.
 * Answers the read's result and which server gave it.
 */
export async function readHistory<T>(lsn: string | null | undefined, read: (db: pg.Pool) => Promise<T>): Promise<{ value: T; readFrom: ReadSource }> {
  const source = await historySource(lsn);
  if (source.readFrom === "primary") return { value: await read(source.db), readFrom: "primary" };
  try {
    return { value: await read(source.db), readFrom: "replica" };
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    replica().skipUntil = Date.now() + SKIP_FAILED_MS;
    return { value: await read(getPool()), readFrom: "primary" };
  }
}

/** An error of the server or the connection (a SQLSTATE, a socket's code, a closed connection), not the read's own. */
function isDatabaseError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (typeof code === "string" && /^([0-9A-Z]{5}|E[A-Z]+)$/.test(code)) || /connection|terminat|timeout/i.test(String(message));
}

/**
 * Where a cache computed from a read may be stored: the primary when the read came from the standby (which
 * refuses writes), the same connection otherwise.
 */
export function writerFor<D extends object>(db: D): D | pg.Pool {
  return hasReplica() && db === replica().pool ? getPool() : db;
}
