import { type Db, isUniqueViolation, statementName } from "../db";
import { recordAppend } from "../metrics";
import { announceChange } from "./change-announcer";
import { ConcurrencyError, EventIdConflictError } from "./errors";
import { storedAttempt } from "./replay";
import type { AppendResult, EventMetadata, ExpectedVersion, NewEvent, StoredEvent, StreamId } from "./types";

export interface AppendInput extends StreamId {
  projectId: string;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
  metadata: EventMetadata;
  /** Only for importing or seeding a past history; live commands take the database clock. */
  recordedAt?: Date;
}

/*
 * One statement, one round trip: read the stream's version, check it and the event ids, and insert every
 * event of the command. A single statement is atomic, so a command's events commit together or not at all.
 * They also carry one instant, read once (a materialised CTE: a volatile function in the insert's select
 * would be read per row), so no "as of" instant falls between a command's events.
 * Two writers that both pass the version check race on the (aggregate_type, aggregate_id, version) unique
 * index: the loser fails with 23505 once the winner commits, which becomes a ConcurrencyError.
 */
const APPEND_SQL = `
WITH input AS (
  SELECT * FROM unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[])
    WITH ORDINALITY AS i(event_id, event_type, event_version, payload, n)
),
cur AS (
  SELECT coalesce(max(version), 0) AS v FROM events WHERE aggregate_type = $1 AND aggregate_id = $2
),
dup AS (
  SELECT count(*)::int AS n FROM events WHERE event_id = ANY($4::uuid[])
),
stamp AS MATERIALIZED (
  SELECT coalesce($10::timestamptz, clock_timestamp()) AS t
),
ins AS (
  INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata, "timestamp")
  SELECT i.event_id, i.event_type, i.event_version, $1, $2, cur.v + i.n, $3, i.payload, $8::jsonb,
         stamp.t
  FROM input i CROSS JOIN cur CROSS JOIN dup CROSS JOIN stamp
  WHERE dup.n = 0 AND ($9::int IS NULL OR cur.v = $9::int)
  ORDER BY i.n
  RETURNING position, transaction_id, version, "timestamp", event_id, aggregate_id, project_id
)
SELECT (SELECT v FROM cur) AS current_version,
       (SELECT n FROM dup) AS duplicates,
       coalesce((SELECT json_agg(json_build_array(position, transaction_id::text, version, "timestamp", event_id, aggregate_id, project_id)
                 ORDER BY version) FROM ins), '[]'::json) AS inserted`;

interface AppendRow {
  current_version: number;
  duplicates: number;
  /**
   * What the database gave each inserted event (ids as it spells them); the rest of the envelope is the
   * input's. Payloads and metadata are not sent back: with many writers that cost
   * throughput (BENCHMARKS.md, "Figures behind choices in the code").
   */
  inserted: [position: number, transactionId: string, version: number, timestamp: string, eventId: string, aggregateId: string, projectId: string][];
}

export async function appendToStream(db: Db, input: AppendInput): Promise<AppendResult> {
  if (input.events.length === 0) throw new Error("appendToStream needs at least one event");
  const expected = input.expectedVersion === "any" ? null : input.expectedVersion;
  let row: AppendRow;
  const payloads = input.events.map((e) => JSON.stringify(e.payload));
  const metadata = JSON.stringify(input.metadata);
  const started = performance.now();
  try {
    // Named: each connection plans the statement once and reuses the plan (not behind a pooler, see statementName).
    const result = await db.query<AppendRow>({ name: statementName("chronoboard.append"), text: APPEND_SQL, values: [
      input.aggregateType,
      input.aggregateId,
      input.projectId,
      input.events.map((e) => e.eventId),
      input.events.map((e) => e.eventType),
      input.events.map((e) => e.eventVersion),
      payloads,
      metadata,
      expected,
      input.recordedAt ?? null,
    ] });
    row = result.rows[0]!;
  } catch (error) {
    if (isUniqueViolation(error, "events_stream_version_key")) {
      const current = await streamVersion(db, input);
      if (expected === null) return appendToStream(db, input); // 'any': a race is not a conflict
      throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected, current);
    }
    if (isUniqueViolation(error, "events_event_id_key")) return replayOf(db, input);
    throw error;
  }

  if (row.duplicates > 0) return replayOf(db, input);
  if (row.inserted.length === 0) {
    throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected ?? -1, row.current_version);
  }
  // In input order (the statement numbers them so); payload and metadata parsed from the JSON stored, so
  // they hold what a read gives back, not the caller's objects.
  const events = row.inserted.map(([position, transactionId, version, timestamp, eventId, aggregateId, projectId], i): StoredEvent => ({
    position,
    transactionId,
    eventId,
    eventType: input.events[i]!.eventType,
    eventVersion: input.events[i]!.eventVersion,
    aggregateType: input.aggregateType,
    aggregateId,
    version,
    projectId,
    timestamp: new Date(timestamp),
    payload: JSON.parse(payloads[i]!) as unknown,
    metadata: JSON.parse(metadata) as EventMetadata,
  }));
  announceChange(db, input.projectId);
  recordAppend(events, performance.now() - started);
  return resultOf(events, false);
}

export async function streamVersion(db: Db, stream: StreamId): Promise<number> {
  const { rows } = await db.query<{ v: number }>(
    `SELECT coalesce(max(version), 0) AS v FROM events WHERE aggregate_type = $1 AND aggregate_id = $2`,
    [stream.aggregateType, stream.aggregateId],
  );
  return rows[0]!.v;
}

/** Event ids already stored: the first attempt of this very command (see storedAttempt), or a client's bug. */
async function replayOf(db: Db, input: AppendInput): Promise<AppendResult> {
  const stored = await storedAttempt(db, { ...input, firstEventId: input.events[0]!.eventId, userId: input.metadata.userId });
  if (!stored) throw new EventIdConflictError(input.events.map((e) => e.eventId));
  return resultOf(stored, true);
}

function resultOf(events: StoredEvent[], idempotentReplay: boolean): AppendResult {
  const last = events[events.length - 1]!;
  return { version: last.version, lastPosition: last.position, events, idempotentReplay };
}
