import type pg from "pg";
import { type FeedCheckpoint, FEED_START, preciseTimestamps, readFeed, type StoredEvent } from "../eventstore";
import { auditEnvelope, chainHash, GENESIS_HASH } from "./chain-hash";
import type { SignedCheckpoint } from "./checkpoints/checkpoint";
import { storeCheckpoint, treesDue } from "./checkpoints/checkpoint-store";
import { writeToWitness } from "./checkpoints/witness-folder";
import { catchUpTree, growTrees, type NewLeaf } from "./merkle/tree-store";

/*
 * The sealer follows the global feed (transaction-id order, never past a transaction that may still commit)
 * and appends each event's link to its project's chain. Appends stay lock-free: the only serialisation is
 * between sealers, by one advisory lock, so the chain order is the feed order whatever instance seals.
 */

const BATCH = 1000;
const LOCK = `hashtextextended('chronoboard.audit-sealer', 0)`;
/** A project's tree is checkpointed once it has grown by this many leaves… */
export const CHECKPOINT_EVERY = 1000;
/** …or, when it has grown at all, once its newest checkpoint is this old. */
export function checkpointMaxAgeMs(): number {
  return Number(process.env.CHRONOBOARD_CHECKPOINT_INTERVAL_MS) || 10 * 60_000;
}

/** The feed could not be sealed up to now in time: a transaction elsewhere has stayed open too long. */
export class SealerBehindError extends Error {
  override readonly name = "SealerBehindError";
  constructor(waitedMs: number) {
    super(`The audit log could not be sealed within ${waitedMs / 1000} s: a database transaction is still running`);
  }
}

/**
 * Runs `work` in one transaction holding the sealer's lock; null when another sealer holds it and `wait`
 * is false. Checkpoints it signed go to the witness folder once committed.
 */
export async function underSealerLock<T>(
  pool: pg.Pool,
  wait: boolean,
  work: (client: pg.PoolClient, signed: SignedCheckpoint[]) => Promise<T>,
): Promise<T | null> {
  const client = await pool.connect();
  const signed: SignedCheckpoint[] = [];
  let result: T;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ locked: boolean }>(
      wait ? `SELECT true AS locked FROM pg_advisory_xact_lock(${LOCK})` : `SELECT pg_try_advisory_xact_lock(${LOCK}) AS locked`,
    );
    if (!rows[0]!.locked) {
      await client.query("ROLLBACK");
      return null;
    }
    result = await work(client, signed);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await writeToWitness(signed);
  return result;
}

/**
 * Signs the checkpoints each tree is due (of these projects, or of all): one at every CHECKPOINT_EVERY
 * leaves exactly, and one of the whole tree when its newest checkpoint is older than the interval.
 */
async function checkpointDue(client: pg.PoolClient, projectIds: string[] | null, signed: SignedCheckpoint[]) {
  for (const tree of await treesDue(client, projectIds, CHECKPOINT_EVERY, checkpointMaxAgeMs())) {
    const sizes: number[] = [];
    for (let size = tree.checkpointed + CHECKPOINT_EVERY; size <= tree.size; size += CHECKPOINT_EVERY) sizes.push(size);
    if (tree.stale && sizes.at(-1) !== tree.size) sizes.push(tree.size);
    for (const size of sizes) {
      const { checkpoint, created } = await storeCheckpoint(client, tree.projectId, size);
      if (created) signed.push(checkpoint);
    }
  }
}

/**
 * Seals the next batch of the feed in one transaction: the chain links, the Merkle leaves and (unless
 * `checkpoints` is false) the checkpoints that are due. Returns the number of events sealed, or null when
 * another sealer holds the lock and `wait` is false.
 */
async function sealBatch(pool: pg.Pool, wait: boolean, checkpoints: boolean): Promise<number | null> {
  return underSealerLock(pool, wait, async (client, signed) => {
    const events = await readFeed(client, await lastSealed(client), BATCH);
    if (events.length > 0) {
      const leaves = await insertLinks(client, events);
      await growTrees(client, leaves);
      if (checkpoints) await checkpointDue(client, [...leaves.keys()], signed);
    }
    return events.length;
  });
}

/** Signs the checkpoints that are due by age (the sealer's timer calls this). */
export async function checkpointStale(pool: pg.Pool): Promise<void> {
  await underSealerLock(pool, false, (client, signed) => checkpointDue(client, null, signed));
}

/**
 * A signed checkpoint of the project's tree as it is now (sealed so far), stored and witnessed; the one
 * already stored when the tree has not grown since.
 */
export async function checkpointNow(pool: pg.Pool, projectId: string): Promise<SignedCheckpoint> {
  const checkpoint = await underSealerLock(pool, true, async (client, signed) => {
    const size = await catchUpTree(client, projectId);
    const stored = await storeCheckpoint(client, projectId, size);
    if (stored.created) signed.push(stored.checkpoint);
    return stored.checkpoint;
  });
  return checkpoint!;
}

async function lastSealed(db: pg.PoolClient): Promise<FeedCheckpoint> {
  const { rows } = await db.query<{ transaction_id: string; position: string }>(
    `SELECT transaction_id::text AS transaction_id, position FROM event_hashes ORDER BY event_hashes.transaction_id DESC, event_hashes.position DESC LIMIT 1`,
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : FEED_START;
}

/** Appends the events' chain links; returns them as new Merkle leaves, by project in chain order. */
async function insertLinks(db: pg.PoolClient, events: StoredEvent[]): Promise<Map<string, NewLeaf[]>> {
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

  const leaves = new Map<string, NewLeaf[]>();
  const links = events.map((event) => {
    const prev = head.get(event.projectId) ?? { index: 0, hash: GENESIS_HASH };
    const envelope = auditEnvelope(event, timestampOf.get(event.position)!);
    const next = { index: prev.index + 1, hash: chainHash(prev.hash, envelope) };
    head.set(event.projectId, next);
    const projectLeaves = leaves.get(event.projectId) ?? [];
    projectLeaves.push({ chainIndex: next.index, envelope });
    leaves.set(event.projectId, projectLeaves);
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
  return leaves;
}

/**
 * Seals batches until the feed has nothing more to give now. Returns the number sealed, or null when
 * another sealer was at work (without `wait`, the caller leaves it to that one). `checkpoints: false`
 * leaves the due checkpoints to the next call that signs them (the proofs bench measures their cost so).
 */
export async function sealPending(pool: pg.Pool, { wait = false, checkpoints = true } = {}): Promise<number | null> {
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(pool, wait, checkpoints);
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
