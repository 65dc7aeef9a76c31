import type pg from "pg";
import { getLockPool } from "../../db";
import { latestPosition } from "../../eventstore";
import { recordRebuild } from "../../metrics";
import { applyBatch, BATCH, type BatchResult, catchUp } from "./batch";
import { defaultRetryPolicy, lockName, type Projector, type RetryPolicy, type TableProjector, tablesOf } from "./projector";

export interface RebuildProgress {
  events: number;
  position: number;
  /** The log's last position when the rebuild started. */
  target: number;
}

/**
 * Rebuilds a read model from the whole log into fresh tables while the live ones keep serving and
 * following the feed, then swaps them in. The swap takes the live projector's batch lock, applies what
 * arrived meanwhile and renames the tables in one transaction: readers wait only for the rename.
 * Dead letters start afresh too (a rebuild usually follows a fix), and the decisions already taken stay
 * in the log. Returns the number of events replayed.
 */
export async function rebuild(
  pool: pg.Pool,
  projector: TableProjector,
  { onProgress, retry = defaultRetryPolicy }: { onProgress?: (progress: RebuildProgress) => void; retry?: RetryPolicy } = {},
): Promise<number> {
  const target = projector.into(freshName(projector.table), `${projector.name}.rebuild`);
  // The rebuild's session lock lives on a direct connection (a pooler's would move between transactions).
  const lock = await getLockPool().connect();
  const guard = await pool.connect();
  const started = performance.now();
  try {
    const { rows } = await lock.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [
      lockName("rebuild", projector.name),
    ]);
    if (!rows[0]!.locked) throw new Error(`A rebuild of ${projector.name} is already running`);
    // A rebuild that stopped halfway left its tables, checkpoint and dead letters behind: start over.
    for (const table of tablesOf(projector)) {
      await guard.query(`DROP TABLE IF EXISTS ${freshName(table)}`);
      await guard.query(`CREATE TABLE ${freshName(table)} (LIKE ${table} INCLUDING ALL)`);
      await sameOwner(guard, freshName(table), table);
    }
    await guard.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [target.name]);
    await guard.query(`DELETE FROM dead_letters WHERE projector = $1`, [target.name]);
    const last = await latestPosition(guard);

    let events = 0;
    const report = (batch: BatchResult) => {
      if (batch.count === 0) return;
      events += batch.count;
      onProgress?.({ events, position: batch.checkpoint.position, target: last });
    };
    await catchUp(pool, target, retry, report);
    await swap(guard, projector, target, retry, report);
    recordRebuild(projector.name, performance.now() - started);
    return events;
  } finally {
    // A connection that could not unlock is closed, which releases its locks, rather than reused.
    let broken: Error | undefined;
    await lock.query(`SELECT pg_advisory_unlock_all()`).catch((error: Error) => (broken = error));
    lock.release(broken);
    guard.release();
  }
}

async function swap(
  tx: pg.PoolClient,
  live: TableProjector,
  target: Projector,
  retry: RetryPolicy,
  report: (batch: BatchResult) => void,
) {
  const rebuildName = target.name;
  try {
    await tx.query("BEGIN");
    // The live projector finishes its batch and starts no other until the swap commits.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockName("batch", live.name)]);
    for (;;) {
      const batch = await applyBatch(tx, target, retry);
      report(batch);
      if (batch.count < BATCH) break;
    }
    for (const table of tablesOf(live)) await replaceTable(tx, table);
    await tx.query(
      `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at)
       SELECT $1, transaction_id, position, now() FROM projection_checkpoints WHERE name = $2
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
      [live.name, rebuildName],
    );
    await tx.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [rebuildName]);
    await tx.query(
      `DELETE FROM dead_letters WHERE projector = $1
         AND (status IN ('parked', 'held', 'retrying') OR event_id IN (SELECT event_id FROM dead_letters WHERE projector = $2))`,
      [live.name, rebuildName],
    );
    await tx.query(`UPDATE dead_letters SET projector = $1 WHERE projector = $2`, [live.name, rebuildName]);
    await tx.query("COMMIT");
  } catch (error) {
    await tx.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function freshName(table: string): string {
  return `${table}_rebuild`;
}

async function replaceTable(tx: pg.PoolClient, table: string) {
  const fresh = freshName(table);
  await tx.query(`DROP TABLE ${table}`);
  await tx.query(`ALTER TABLE ${fresh} RENAME TO ${table}`);
  // LIKE … INCLUDING ALL named the indexes after the fresh table; give them the live table's names back.
  const indexes = await tx.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [table]);
  for (const { indexname } of indexes.rows) {
    if (indexname.startsWith(`${fresh}_`)) await tx.query(`ALTER INDEX ${indexname} RENAME TO ${table}_${indexname.slice(fresh.length + 1)}`);
  }
}

/**
 * Gives a fresh table the owner of the live one (the app's role, see migration 0021), so that whoever
 * rebuilds (the app, or an operator on the command line as the schema's owner) the next rebuild may replace it.
 */
async function sameOwner(client: pg.PoolClient, fresh: string, live: string): Promise<void> {
  const { rows } = await client.query<{ owner: string }>(`SELECT quote_ident(tableowner) AS owner FROM pg_tables WHERE tablename = $1`, [live]);
  if (rows[0]) await client.query(`ALTER TABLE ${fresh} OWNER TO ${rows[0].owner}`);
}
