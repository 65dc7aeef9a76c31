import type pg from "pg";
import { statementName } from "../../db";
import { recordProjectorBatch } from "../../metrics";
import { checkpointOf, type FeedCheckpoint, isSameCommand, readFeed, type StoredEvent } from "../../eventstore";
import { applyAsBatch, applyOnce, applyWithRetries, backOff } from "./apply";
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
  /**
   * The batch stopped short of the feed's end at the command of an event that failed its first attempt: the
   * command's events, none of them applied (see runBatch).
   */
  stoppedAt?: { command: StoredEvent[]; error: string };
}

/**
 * One batch inside the caller's transaction: first what operators released from the dead letters, then the
 * feed after the checkpoint, then the new checkpoint. The transaction lock makes batches of one projector
 * (from any instance, or a rebuild's swap) run one after another, and the checkpoint is read under it.
 * With `stopAtFailure`, an event of the feed that fails its first attempt ends the batch just before its command
 * (none of whose events then stay applied: a read must never see half a command), so its later attempts can wait
 * outside this transaction (runBatch); otherwise they wait inside it.
 */
export async function applyBatch(
  tx: Tx,
  projector: Projector,
  policy: RetryPolicy,
  leader?: LeaderSession,
  stopAtFailure = false,
): Promise<BatchResult> {
  await takeTurn(tx, projector, leader);

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
  const stopping = stopAtFailure && policy.attempts > 1 && !batched;
  let commandStart = 0;
  for (const [index, event] of events.entries()) {
    if (index > 0 && !isSameCommand(events[index - 1]!, event)) commandStart = index;
    if (stopping && commandStart === index) await tx.query("SAVEPOINT command_start");
    const key = aggregateKey(event);
    const blocker = blocked.get(key);
    if (blocker) {
      await hold(tx, projector.name, event, blocker);
      continue;
    }
    if (batched) continue;
    if (stopping) {
      const error = await applyOnce(tx, projector, event);
      if (error === null) continue;
      await tx.query("ROLLBACK TO SAVEPOINT command_start");
      const before = commandStart === 0 ? checkpoint : checkpointOf(events[commandStart - 1]!);
      await saveCheckpoint(tx, projector.name, before);
      return { count: commandStart, checkpoint: before, stoppedAt: { command: commandFrom(events, commandStart), error } };
    }
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

/** The events of the command that starts at `start` (readFeed ends a batch after a whole command). */
function commandFrom(events: StoredEvent[], start: number): StoredEvent[] {
  let end = start + 1;
  while (end < events.length && isSameCommand(events[start]!, events[end]!)) end++;
  return events.slice(start, end);
}

/**
 * One batch in its own transaction. A command with an event that fails is tried again after a wait, as many times
 * as the policy says, each attempt in a transaction of its own and each wait outside any: the feed hands out
 * nothing that commits after a transaction still open (readFeed), so a wait inside one would hold up every
 * projector and every instance, of every project, for as long as it lasts. An attempt applies the whole command or
 * none of it; at the last, the failing event is parked and the rest of the command held behind it.
 */
export async function runBatch(pool: pg.Pool, projector: Projector, policy: RetryPolicy, leader?: LeaderSession): Promise<BatchResult> {
  const result = await inTransaction(pool, projector, (tx) => applyBatch(tx, projector, policy, leader, true), (r) => r.count);
  const stopped = result.stoppedAt;
  if (!stopped) return result;
  const { command } = stopped;
  const last = command.at(-1)!;
  // applyBatch stops only with two attempts or more, so the loop ends at the last one at the latest.
  for (let attempt = 2; ; attempt++) {
    await backOff(policy, attempt);
    const outcome = await inTransaction(
      pool,
      projector,
      async (tx) => {
        await takeTurn(tx, projector, leader);
        // Another batch (a rebuild's swap, say) may have taken the event meanwhile.
        const at = await readCheckpoint(tx, projector.name);
        if (at.transactionId !== result.checkpoint.transactionId || at.position !== result.checkpoint.position) return "taken";
        await tx.query("SAVEPOINT command_start");
        let blocker: string | undefined;
        for (const event of command) {
          if (blocker) {
            await hold(tx, projector.name, event, blocker);
            continue;
          }
          const error = await applyOnce(tx, projector, event);
          if (error === null) continue;
          if (attempt < policy.attempts) {
            await tx.query("ROLLBACK TO SAVEPOINT command_start");
            return "again";
          }
          await park(tx, projector.name, event, { error, attempts: policy.attempts });
          blocker = event.eventId;
        }
        await saveCheckpoint(tx, projector.name, checkpointOf(last));
        return "done";
      },
      (outcome) => (outcome === "done" ? command.length : 0),
    );
    if (outcome === "taken") return result;
    if (outcome === "done") return { count: result.count + command.length, checkpoint: checkpointOf(last), stoppedAt: stopped };
  }
}

/** The projector's turn: its batch lock for this transaction, and, for a runner, its leadership checked under it. */
async function takeTurn(tx: Tx, projector: Projector, leader?: LeaderSession): Promise<void> {
  await tx.query({ name: statementName("chronoboard.batch-lock"), text: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, values: [lockName("batch", projector.name)] });
  if (leader) await stillLeading(tx, projector.name, leader);
}

/** Work in a transaction of its own; what it took from the feed is counted in the metrics and announced. */
async function inTransaction<T>(pool: pg.Pool, projector: Projector, work: (tx: pg.PoolClient) => Promise<T>, taken: (result: T) => number): Promise<T> {
  const client = await pool.connect();
  // A connection lost mid-batch also emits "error", which would end the process unheard; the failing query reports it.
  const lost = () => {};
  client.on("error", lost);
  let failed = false;
  const started = performance.now();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    recordProjectorBatch(projector.name, taken(result), performance.now() - started);
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
    if (batch.count < BATCH && !batch.stoppedAt) return total;
  }
}
