import type pg from "pg";
import { type FeedCheckpoint, FEED_START, preciseTimestamps, readFeed, type StoredEvent } from "../eventstore";
import { auditEnvelope, chainHash, GENESIS_HASH } from "./chain-hash";

/*
 * The sealer follows the global feed (transaction-id order, never past a transaction that may still commit)
 * and appends each event's link to its project's chain. Appends stay lock-free: the only serialisation is
 * between sealers, by one advisory lock, so the chain order is the feed order whatever instance seals.
 */

const BATCH = 1000;
const LOCK = `hashtextextended('chronoboard.audit-sealer', 0)`;

/** The feed could not be sealed up to now in time: a transaction elsewhere has stayed open too long. */
export class SealerBehindError extends Error {
  override readonly name = "SealerBehindError";
  constructor(waitedMs: number) {
    super(`The audit log could not be sealed within ${waitedMs / 1000} s: a database transaction is still running`);
  }
}

/**
 * Seals the next batch of the feed in one transaction. Returns the number of events sealed, or null when
 * another sealer holds the lock and `wait` is false.
 */
async function sealBatch(pool: pg.Pool, wait: boolean): Promise<number | null> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(
      wait ? `SELECT true AS locked FROM pg_advisory_xact_lock(${LOCK})` : `SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`,
    );
    if (!rows[0]!.locked) {
      await client.query("ROLLBACK");
      return null;
    }
    const events = await readFeed(client, await lastSealed(client), BATCH);
    if (events.length > 0) await insertLinks(client, events);
    await client.query("COMMIT");
    return events.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function lastSealed(db: pg.PoolClient): Promise<FeedCheckpoint> {
  const { rows } = await db.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM event_hashes ORDER BY event_hashes.transaction_id DESC, event_hashes.position DESC LIMIT 1`,
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : FEED_START;
}

async function insertLinks(db: pg.PoolClient, events: StoredEvent[]) {
  const positions = events.map((e) => e.position);
  const projectIds = [...new Set(events.map((e) => e.projectId))];
  // readFeed gives JavaScript dates (milliseconds); the chain covers the stored microseconds.
  const [timestampOf, heads] = await Promise.all([
    preciseTimestamps(db, positions),
    db.query<{ project_id: string; chain_index: string; hash: string }>(
      `SELECT p.project_id, h.chain_index, h.hash FROM unnest($1::uuid[]) AS p(project_id)
       CROSS JOIN LATERAL (SELECT chain_index, hash FROM event_hashes WHERE project_id = p.project_id
                           ORDER BY chain_index DESC LIMIT 1) h`,
      [projectIds],
    ),
  ]);
  const head = new Map(heads.rows.map((r) => [r.project_id, { index: Number(r.chain_index), hash: r.hash }]));

  const links = events.map((event) => {
    const prev = head.get(event.projectId) ?? { index: 0, hash: GENESIS_HASH };
    const next = { index: prev.index + 1, hash: chainHash(prev.hash, auditEnvelope(event, timestampOf.get(event.position)!)) };
    head.set(event.projectId, next);
    return { event, index: next.index, prevHash: prev.hash, hash: next.hash };
  });
  await db.query(
    `INSERT INTO event_hashes (position, project_id, transaction_id, chain_index, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::xid8[], $4::bigint[], $5::text[], $6::text[])`,
    [
      positions,
      links.map((l) => l.event.projectId),
      links.map((l) => l.event.transactionId),
      links.map((l) => l.index),
      links.map((l) => l.prevHash),
      links.map((l) => l.hash),
    ],
  );
}

/**
 * Seals batches until the feed has nothing more to give now. Returns the number sealed, or null when
 * another sealer was at work (without `wait`, the caller leaves it to that one).
 */
export async function sealPending(pool: pg.Pool, { wait = false } = {}): Promise<number | null> {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(pool, wait);
    if (sealed === null) return null;
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/**
 * Seals every event committed before this call, as exports and integrity checks need. Such an event can
 * only sit behind a transaction that is still running (the feed does not pass it), so this waits until
 * the feed's horizon has passed every transaction that had started by now.
 */
export async function sealCommitted(pool: pg.Pool, { timeoutMs = 10_000 } = {}): Promise<void> {
  const { rows } = await pool.query<{ xmax: string }>(`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`);
  const target = BigInt(rows[0]!.xmax);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const horizon = await pool.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    const passed = BigInt(horizon.rows[0]!.xmin) >= target;
    await sealPending(pool, { wait: true });
    if (passed) return;
    if (Date.now() > deadline) throw new SealerBehindError(timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
