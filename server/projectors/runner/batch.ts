import type pg from "pg";
import { recordProjectorBatch } from "../../metrics";
import { checkpointOf, type FeedCheckpoint, readFeed } from "../../eventstore";
import { applyAsBatch, applyWithRetries } from "./apply";
import { readCheckpoint, saveCheckpoint } from "./checkpoints";
import { blockedAggregates, hold, markResolved, park, releasedEvents } from "./dead-letters";
import { announceBatch } from "./progress";
import { type LeaderSession, stillLeading } from "./leadership";
import { aggregateKey, lockName, type Projector, type RetryPolicy, type Tx } from "./projector";

/**
 * Events per batch. A batch's fixed cost (its transaction, checkpoint, dead-letter lookups) is spread over
 * more events, and a batch handler folds more events per row it writes, so larger batches rebuild faster
 * (BENCHMARKS.md, "Figures behind choices in the code"). A live runner's batches are as small as what arrived.
 */
export const BATCH = 2000;

export interface BatchResult {
  /** Events taken from the feed (applied, parked or held). */
  count: number;
  checkpoint: FeedCheckpoint;
}

/**
 * One batch inside the caller's transaction: first what operators released from the dead letters, then the
 * feed after the checkpoint, then the new checkpoint. The transaction lock makes batches of one projector
 * (from any instance, or a rebuild's swap) run one after another, and the checkpoint is read under it.
 */
export async function applyBatch(tx: Tx, projector: Projector, policy: RetryPolicy, leader?: LeaderSession): Promise<BatchResult> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockName("batch", projector.name)]);
  if (leader) await stillLeading(tx, projector.name, leader);

  const stopped = new Set<string>();
  for (const event of await releasedEvents(tx, projector.name, BATCH)) {
    const key = aggregateKey(event);
    if (stopped.has(key)) continue;
    const failure = await applyWithRetries(tx, projector, event, policy);
    if (failure) {
      await park(tx, projector.name, event, failure);
      stopped.add(key);
    } else {
      await markResolved(tx, projector.name, event.eventId);
    }
  }

  const blocked = await blockedAggregates(tx, projector.name);
  const checkpoint = await readCheckpoint(tx, projector.name);
  const events = await readFeed(tx, checkpoint, BATCH);
  // All at once when the projector can and every event goes in; otherwise one by one, parking what fails.
  const batched = await applyAsBatch(
    tx,
    projector,
    events.filter((event) => !blocked.has(aggregateKey(event))),
  );
  for (const event of events) {
    const key = aggregateKey(event);
    const blocker = blocked.get(key);
    if (blocker) {
      await hold(tx, projector.name, event, blocker);
      continue;
    }
    if (batched) continue;
    const failure = await applyWithRetries(tx, projector, event, policy);
    if (failure) {
      await park(tx, projector.name, event, failure);
      blocked.set(key, event.eventId);
    }
  }
  if (events.length === 0) return { count: 0, checkpoint };
  const reached = checkpointOf(events.at(-1)!);
  await saveCheckpoint(tx, projector.name, reached);
  return { count: events.length, checkpoint: reached };
}

/** One batch in its own transaction. */
export async function runBatch(pool: pg.Pool, projector: Projector, policy: RetryPolicy, leader?: LeaderSession): Promise<BatchResult> {
  const client = await pool.connect();
  // A connection lost mid-batch also emits "error", which would end the process unheard; the failing query reports it.
  const lost = () => {};
  client.on("error", lost);
  let failed = false;
  const started = performance.now();
  try {
    await client.query("BEGIN");
    const result = await applyBatch(client, projector, policy, leader);
    await client.query("COMMIT");
    recordProjectorBatch(projector.name, result.count, performance.now() - started);
    announceBatch(projector.name);
    return result;
  } catch (error) {
    failed = true;
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    // A connection that failed mid-transaction may be dead: the pool must not hand it out again.
    client.off("error", lost);
    client.release(failed);
  }
}

/**
 * Runs batches until the feed has nothing more to give now; returns the number of events taken. A runner
 * passes the session that holds its leadership lock: each batch checks, under its lock, that the session
 * still holds it.
 */
export async function catchUp(
  pool: pg.Pool,
  projector: Projector,
  policy: RetryPolicy,
  onBatch?: (batch: BatchResult) => void,
  leader?: LeaderSession,
) {
  let total = 0;
  for (;;) {
    const batch = await runBatch(pool, projector, policy, leader);
    total += batch.count;
    onBatch?.(batch);
    if (batch.count < BATCH) return total;
  }
}
