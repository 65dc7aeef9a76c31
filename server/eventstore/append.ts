import pg from "pg";
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
 * The fast path (the pool, a known expected version): insert at expected + 1 … expected + n, no read first.
 * The unique indexes are the checks: a stale version meets (aggregate_type, aggregate_id, version), a replayed
 * or reused event id meets event_id, and only then does a second query tell the two apart (settle). A
 * concurrent writer that got there first makes ours wait on the index and fail once it commits.
 * What no index can refuse is an expected version ahead of the stream (a gap): the insert happens only if
 * version `expected` is stored, one probe of the page of the stream-version index the insert writes into anyway.
 * A command's events carry one instant, read once: a volatile function in the insert's select would be read
 * per row, hence the materialised CTE for several events.
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

/** What the database gave each inserted event; the rest of the envelope is the input's. */
type Inserted = [position: string, transactionId: string, epochMs: string];

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

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A uuid the database accepted, as it prints it: 32 lower-case hex digits as 8-4-4-4-12. Its input may have
 * upper case, braces and hyphens after any group of four digits, nothing else.
 */
function canonicalUuid(id: string): string {
  if (CANONICAL_UUID.test(id)) return id;
  const hex = id.replace(/[{}-]/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function values(input: AppendInput, expected: number | null, payloads: string[], metadata: string, one: boolean): unknown[] {
  const { events } = input;
  const columns = one
    ? [events[0]!.eventId, events[0]!.eventType, events[0]!.eventVersion, payloads[0]]
    : [events.map((e) => e.eventId), events.map((e) => e.eventType), events.map((e) => e.eventVersion), payloads];
  return [input.aggregateType, input.aggregateId, input.projectId, ...columns, metadata, expected, input.recordedAt ?? null];
}

/** The fast path: the rows written, or the answer when the indexes refused them. */
async function insertAfter(db: pg.Pool, input: AppendInput, expected: number, payloads: string[], metadata: string): Promise<Written | AppendResult> {
  const one = input.events.length === 1;
  try {
    // Named: each connection plans the statement once and reuses the plan (not behind a pooler, see statementName).
    const { rows } = await db.query<Inserted>({
      name: statementName(one ? "chronoboard.append-one" : "chronoboard.append-many"),
      text: one ? INSERT_ONE_SQL : INSERT_MANY_SQL,
      values: values(input, expected, payloads, metadata, one),
      rowMode: "array",
    });
    if (rows.length > 0) return { after: expected, rows };
  } catch (error) {
    if (!isUniqueViolation(error, "events_stream_version_key") && !isUniqueViolation(error, "events_event_id_key")) throw error;
  }
  return settle(db, input, expected);
}

/**
 * Why the fast path wrote nothing, in the checking path's order: event ids already stored (a retried command,
 * or a reused id), then a stream not at the expected version (behind it: a version taken; ahead: nothing
 * inserted), then an event id twice in the command itself.
 */
async function settle(db: Db, input: AppendInput, expected: number): Promise<AppendResult> {
  const { rows } = await db.query<{ v: number; stored: boolean }>(
    `SELECT (SELECT coalesce(max(version), 0) FROM events WHERE aggregate_type = $1 AND aggregate_id = $2) AS v,
            EXISTS (SELECT FROM events WHERE event_id = ANY($3::uuid[])) AS stored`,
    [input.aggregateType, input.aggregateId, input.events.map((e) => e.eventId)],
  );
  const { v, stored } = rows[0]!;
  if (!stored && v !== expected) throw new ConcurrencyError(input.aggregateType, input.aggregateId, expected, v);
  return replayOf(db, input);
}

/** The checking path: the rows written (each with its version), or the answer when the checks refused them. */
async function insertChecked(db: Db, input: AppendInput, expected: number | null, payloads: string[], metadata: string): Promise<Written | AppendResult> {
  let rows: [currentVersion: number, duplicates: number, ...Inserted, version: number][];
  try {
    ({ rows } = await db.query({
      name: statementName("chronoboard.append-checked"),
      text: CHECKED_SQL,
      values: values(input, expected, payloads, metadata, false),
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
