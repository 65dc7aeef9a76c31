import { type Db, statementName } from "../../db";
import { readEvents, type StoredEvent } from "../../eventstore";
import type { Failure } from "./apply";
import { aggregateKey, type Tx } from "./projector";

/*
 * A parked event blocks its aggregate for that projector: the aggregate's later events are held behind it
 * (rows with status 'held', in version order) instead of being applied over a gap, while other aggregates
 * move on. An operator retries the parked event ('retrying') or skips it ('skipped'); the runner then applies
 * what was waiting, in order ('resolved'), until one fails again and is parked in its turn.
 */
export type DeadLetterStatus = "parked" | "held" | "retrying" | "resolved" | "skipped";

/** Statuses that keep an aggregate blocked. */
export const OPEN = `('parked', 'held', 'retrying')`;

export interface DeadLetter {
  projector: string;
  eventId: string;
  position: number;
  projectId: string;
  aggregateType: string;
  aggregateId: string;
  version: number;
  eventType: string;
  error: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  status: DeadLetterStatus;
}

/** Parks an event (again, after a retry), adding this round's attempts. */
export async function park(tx: Tx, projector: string, event: StoredEvent, failure: Failure): Promise<void> {
  await tx.query(
    `INSERT INTO dead_letters (projector, event_id, position, project_id, aggregate_type, aggregate_id, version, error, attempts, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'parked')
     ON CONFLICT (projector, event_id) DO UPDATE SET status = 'parked', error = EXCLUDED.error,
       attempts = dead_letters.attempts + EXCLUDED.attempts, last_failed_at = now(),
       first_failed_at = CASE WHEN dead_letters.attempts = 0 THEN now() ELSE dead_letters.first_failed_at END`,
    [projector, event.eventId, event.position, event.projectId, event.aggregateType, event.aggregateId, event.version, failure.error, failure.attempts],
  );
}

/** Holds an event, untried, behind the blocked aggregate's parked one. */
export async function hold(tx: Tx, projector: string, event: StoredEvent, blockerId: string): Promise<void> {
  await tx.query(
    `INSERT INTO dead_letters (projector, event_id, position, project_id, aggregate_type, aggregate_id, version, error, attempts, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, 'held') ON CONFLICT (projector, event_id) DO NOTHING`,
    [projector, event.eventId, event.position, event.projectId, event.aggregateType, event.aggregateId, event.version, `held behind ${blockerId}`],
  );
}

export async function markResolved(tx: Tx, projector: string, eventId: string): Promise<void> {
  await tx.query(`UPDATE dead_letters SET status = 'resolved' WHERE projector = $1 AND event_id = $2`, [projector, eventId]);
}

/** The blocked aggregates (aggregateKey) and the event each is blocked at. */
export async function blockedAggregates(tx: Tx, projector: string): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ aggregate_type: string; aggregate_id: string; event_id: string }>({
    // Named, as the other statements of every batch: planning them cost more than running them.
    name: statementName("chronoboard.blocked-aggregates"),
    text: `SELECT DISTINCT ON (aggregate_type, aggregate_id) aggregate_type, aggregate_id, event_id FROM dead_letters
     WHERE projector = $1 AND status IN ${OPEN} ORDER BY aggregate_type, aggregate_id, version`,
    values: [projector],
  });
  return new Map(rows.map((r) => [aggregateKey({ aggregateType: r.aggregate_type, aggregateId: r.aggregate_id }), r.event_id]));
}

/**
 * The events an operator's decision has released, in version order per aggregate: the ones to retry and
 * those held in aggregates where nothing is parked any more.
 */
export async function releasedEvents(tx: Tx, projector: string, limit: number): Promise<StoredEvent[]> {
  const { rows } = await tx.query<{ event_id: string }>({
    name: statementName("chronoboard.released-events"),
    text: `SELECT d.event_id FROM dead_letters d WHERE d.projector = $1 AND d.status IN ('retrying', 'held')
       AND NOT EXISTS (SELECT 1 FROM dead_letters p WHERE p.projector = d.projector AND p.status = 'parked'
                       AND p.aggregate_type = d.aggregate_type AND p.aggregate_id = d.aggregate_id)
     ORDER BY d.position LIMIT $2`,
    values: [projector, limit],
  });
  const events = await readEvents(tx, rows.map((row) => row.event_id));
  return events.sort((a, b) => aggregateKey(a).localeCompare(aggregateKey(b)) || a.version - b.version);
}

/** A project's (or, without one, every project's) dead letters that still need a decision or wait for one, oldest first. */
export async function openDeadLetters(db: Db, projectId: string | null): Promise<DeadLetter[]> {
  const { rows } = await db.query<{
    projector: string;
    event_id: string;
    position: string;
    project_id: string;
    aggregate_type: string;
    aggregate_id: string;
    version: number;
    error: string;
    attempts: number;
    first_failed_at: Date;
    last_failed_at: Date;
    status: DeadLetterStatus;
  }>(
    `SELECT * FROM dead_letters WHERE ($1::uuid IS NULL OR project_id = $1) AND status IN ${OPEN} ORDER BY position LIMIT 500`,
    [projectId],
  );
  const eventTypes = new Map((await readEvents(db, rows.map((r) => r.event_id))).map((e) => [e.eventId, e.eventType]));
  return rows.map((r) => ({
    projector: r.projector,
    eventId: r.event_id,
    position: Number(r.position),
    projectId: r.project_id,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    version: r.version,
    eventType: eventTypes.get(r.event_id)!,
    error: r.error,
    attempts: r.attempts,
    firstFailedAt: r.first_failed_at,
    lastFailedAt: r.last_failed_at,
    status: r.status,
  }));
}
