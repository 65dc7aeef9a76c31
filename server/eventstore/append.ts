import pg from "pg";
import { type Db, isUniqueViolation, statementName } from "../db";
import { recordAppend } from "../metrics";
import { writeGrouped, type Inserted, type OneEvent } from "./append-group";
import { canonicalUuid } from "./canonical-uuid";
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
 * The fast path (the pool, a known expected version): insert at expected + 1 … expected + n, no read first.
 * The unique indexes are the checks: a stale version meets (aggregate_type, aggregate_id, version), a replayed
 * or reused event id meets event_id, and only then does a second query tell the two apart (settle). A
 * concurrent writer that got there first makes ours wait on the index and fail once it commits.
 * What no index can refuse is an expected version ahead of the stream (a gap): the insert happens only if
 * version `expected` is stored, one probe of the page of the stream-version index the insert writes into anyway.
 * A command's events carry one instant, read once: a volatile function in the insert's select would be read
 * per row, hence the materialised CTE for several events. One-event appends sent together share a statement
 * (append-group.ts).
 */
// Only what the database assigns: every column sent back costs the caller parsing (BENCHMARKS.md, "Where an
// append's time goes"); the ids come back as canonicalUuid spells them. The instant comes as whole epoch
// milliseconds, rounded down as node-postgres's date parser does on a read, without that parser's cost.
const RETURNED = `position, transaction_id::text, floor(extract(epoch FROM "timestamp") * 1000)::int8`;
const AFTER_EXPECTED = `$9::int = 0 OR EXISTS (SELECT FROM events WHERE aggregate_type = $1 AND aggregate_id = $2::uuid AND version = $9::int)`;

/** One event (most commands): plain parameters, no arrays to build, send and unnest. Exported for bench/append-breakdown.ts. */
export const INSERT_ONE_SQL = `
INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata, "timestamp")
SELECT $4::uuid, $5::text, $6::int, $1, $2::uuid, $9::int + 1, $3::uuid, $7::jsonb, $8::jsonb, coalesce($10::timestamptz, clock_timestamp())
WHERE ${AFTER_EXPECTED}
RETURNING ${RETURNED}`;

const INSERT_MANY_SQL = `
WITH stamp AS MATERIALIZED (SELECT coalesce($10::timestamptz, clock_timestamp()) AS t)
INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata, "timestamp")
SELECT i.event_id, i.event_type, i.event_version, $1, $2::uuid, $9::int + i.n::int, $3::uuid, i.payload, $8::jsonb, stamp.t
FROM unnest($4::uuid[], $5::text[], $6::int[], $7::jsonb[]) WITH ORDINALITY AS i(event_id, event_type, event_version, payload, n)
CROSS JOIN stamp
WHERE ${AFTER_EXPECTED}
ORDER BY i.n
RETURNING ${RETURNED}`;

/*
 * The checking path: inside a caller's transaction (a client, not the pool), where a unique violation would
 * abort the caller's whole transaction, and for expectedVersion 'any', which needs the current version.
 * One statement reads the stream's version, counts stored event ids, and inserts only when both pass, so a
 * stale version or a replay is answered without an error; only a concurrent writer's race still raises 23505.
 */
const CHECKED_SQL = `
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
  RETURNING ${RETURNED}, version
)
SELECT (SELECT v FROM cur) AS current_version, (SELECT n FROM dup) AS duplicates,
       ins.* FROM (SELECT 1) one LEFT JOIN ins ON true ORDER BY ins.version`;

/** The rows a statement inserted, the first at version `after` + 1. */
interface Written {
  after: number;
  rows: Inserted[];
}

export async function appendToStream(db: Db, input: AppendInput): Promise<AppendResult> {
  if (input.events.length === 0) throw new Error("appendToStream needs at least one event");
  const started = performance.now();
  const payloads = input.events.map((e) => JSON.stringify(e.payload));
  const metadata = JSON.stringify(input.metadata);
  const expected = input.expectedVersion;
  const written =
    expected !== "any" && db instanceof pg.Pool
      ? await insertAfter(db, input, expected, payloads, metadata)
      : await insertChecked(db, input, expected === "any" ? null : expected, payloads, metadata);
  if (!("rows" in written)) return written;
  const { after, rows } = written;
  const [lastPosition, , epochMs] = rows[rows.length - 1]!;
  announceChange(db, canonicalUuid(input.projectId));
  recordAppend(input.events, performance.now() - started);
  // The envelopes are built when first read: a command's caller reads only the version, position and instant,
  // and Node's CPU per append is taken from PostgreSQL's on a busy machine (BENCHMARKS.md, "Where an append's time goes").
  let events: StoredEvent[] | undefined;
  return {
    version: after + rows.length,
    lastPosition: Number(lastPosition),
    timestamp: new Date(Number(epochMs)),
    idempotentReplay: false,
    get events() {
      return (events ??= envelopes(input, written, payloads, metadata));
    },
  };
}

/**
 * The stored events, built from the input and what the database assigned. Payload and metadata are parsed
 * from the JSON sent, so they hold what a read gives back (no undefined), not the caller's objects.
 */
function envelopes(input: AppendInput, { after, rows }: Written, payloads: string[], metadata: string): StoredEvent[] {
  const aggregateId = canonicalUuid(input.aggregateId);
  const projectId = canonicalUuid(input.projectId);
  return rows.map(([position, transactionId, epochMs], i): StoredEvent => ({
    position: Number(position),
    transactionId,
    eventId: canonicalUuid(input.events[i]!.eventId),
    eventType: input.events[i]!.eventType,
    eventVersion: input.events[i]!.eventVersion,
    aggregateType: input.aggregateType,
    aggregateId,
    version: after + i + 1,
    projectId,
    timestamp: new Date(Number(epochMs)),
    payload: JSON.parse(payloads[i]!) as unknown,
    metadata: JSON.parse(metadata) as EventMetadata,
  }));
}

function values(input: AppendInput, expected: number | null, payloads: string[], metadata: string): unknown[] {
  const { events } = input;
  const columns = [events.map((e) => e.eventId), events.map((e) => e.eventType), events.map((e) => e.eventVersion), payloads];
  return [input.aggregateType, input.aggregateId, input.projectId, ...columns, metadata, expected, input.recordedAt ?? null];
}

/** The fast path: the rows written, or the answer when the indexes refused them. */
async function insertAfter(db: pg.Pool, input: AppendInput, expected: number, payloads: string[], metadata: string): Promise<Written | AppendResult> {
  for (;;) {
    const rows = await insertRows(db, input, expected, payloads, metadata);
    if (rows && rows.length > 0) return { after: expected, rows };
    const answer = await settle(db, input, expected);
    if (answer) return answer;
  }
}

async function insertRows(db: pg.Pool, input: AppendInput, expected: number, payloads: string[], metadata: string): Promise<Inserted[] | null> {
  if (input.events.length > 1) {
    return refusedAsNull(
      db.query<Inserted>({
        name: statementName("chronoboard.append-many"),
        text: INSERT_MANY_SQL,
        values: values(input, expected, payloads, metadata),
        rowMode: "array",
      }),
    );
  }
  const [{ eventId, eventType, eventVersion }] = input.events as [NewEvent];
  const { aggregateType, aggregateId, projectId, recordedAt = null } = input;
  const append: OneEvent = { aggregateType, aggregateId, projectId, eventId, eventType, eventVersion, payload: payloads[0]!, metadata, expected, recordedAt };
  const row = await writeGrouped(db, append, insertOne);
  return row && [row];
}

/** One event in a statement of its own. */
async function insertOne(pool: pg.Pool, a: OneEvent): Promise<Inserted | null> {
  const rows = await refusedAsNull(
    pool.query<Inserted>({
      name: statementName("chronoboard.append-one"),
      text: INSERT_ONE_SQL,
      values: [a.aggregateType, a.aggregateId, a.projectId, a.eventId, a.eventType, a.eventVersion, a.payload, a.metadata, a.expected, a.recordedAt],
      rowMode: "array",
    }),
  );
  return rows?.[0] ?? null;
}

/** The rows a fast-path statement returned, or null when a unique index refused them. */
async function refusedAsNull(query: Promise<pg.QueryResult<Inserted>>): Promise<Inserted[] | null> {
  try {
    // Named statements: each connection plans them once and reuses the plan (not behind a pooler, see statementName).
    return (await query).rows;
  } catch (error) {
    if (isUniqueViolation(error, "events_stream_version_key") || isUniqueViolation(error, "events_event_id_key")) return null;
    throw error;
  }
}

/**
 * Why the fast path wrote nothing, in the checking path's order: event ids already stored (a retried command,
 * or a reused id), then a stream not at the expected version (behind it: a version taken; ahead: nothing
 * inserted), then an event id twice in the command itself. Null when none of these holds: the expected version
 * was not yet committed when the insert checked for it (an append sent before the previous one's answer, or
 * after it in one shared statement) and the append is to be tried again.
 */
async function settle(db: Db, input: AppendInput, expected: number): Promise<AppendResult | null> {
  const ids = input.events.map((e) => e.eventId);
  const { rows } = await db.query<{ v: number; stored: boolean }>(
    `SELECT (SELECT coalesce(max(version), 0) FROM events WHERE aggregate_type = $1 AND aggregate_id = $2) AS v,
            EXISTS (SELECT FROM events WHERE event_id = ANY($3::uuid[])) AS stored`,
    [input.aggregateType, input.aggregateId, ids],
  );
  const { v, stored } = rows[0]!;
  if (stored) return replayOf(db, input);
  if (v !== expected) throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected, v);
  if (new Set(ids.map(canonicalUuid)).size < ids.length) throw new EventIdConflictError(ids);
  return null;
}

/** The checking path: the rows written (each with its version), or the answer when the checks refused them. */
async function insertChecked(db: Db, input: AppendInput, expected: number | null, payloads: string[], metadata: string): Promise<Written | AppendResult> {
  let rows: [currentVersion: number, duplicates: number, ...Inserted, version: number][];
  try {
    ({ rows } = await db.query({
      name: statementName("chronoboard.append-checked"),
      text: CHECKED_SQL,
      values: values(input, expected, payloads, metadata),
      rowMode: "array",
    }));
  } catch (error) {
    if (isUniqueViolation(error, "events_stream_version_key")) {
      const current = await streamVersion(db, input);
      if (expected === null) return appendToStream(db, input); // 'any': a race is not a conflict
      throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected, current);
    }
    if (isUniqueViolation(error, "events_event_id_key")) return replayOf(db, input);
    throw error;
  }
  const [currentVersion, duplicates, position] = rows[0]!;
  if (duplicates > 0) return replayOf(db, input);
  if (position === null) throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected ?? -1, currentVersion);
  return { after: currentVersion, rows: rows.map((row) => row.slice(2, 5) as Inserted) };
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
  return { version: last.version, lastPosition: last.position, timestamp: last.timestamp, events, idempotentReplay };
}
