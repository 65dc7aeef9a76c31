import { type Db, statementName } from "../db";
import { commandBefore, sameCommand } from "./command-instant";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent, StreamId } from "./types";

/**
 * "Up to an instant" is inclusive at the millisecond: timestamps are stored to the microsecond but reach
 * clients as milliseconds, so an event shown at 14:05:00.123 is part of the log "as of 14:05:00.123".
 * Written as a range on the timestamp so the indexes serve it, and by whole commands (commandBefore).
 */
export const MILLISECOND = "interval '1 millisecond'";

/** SQL: row `e`'s command is part of the log as of the instant in parameter `param` (null: now). */
export const storedAsOf = (e: string, param: string) => `(${param}::timestamptz IS NULL OR ${commandBefore(e, `${param} + ${MILLISECOND}`)})`;

/** Selects an event's timestamp to the microsecond, as the audit chain hashes it: 2026-03-01T09:30:00.123456Z. */
const PRECISE_TIMESTAMP_SQL = `to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function select(db: Db, where: string, params: unknown[], order = "position", name?: string): Promise<StoredEvent[]> {
  const text = `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY ${order}`;
  const { rows } = await db.query<EventRow>({ name: name && statementName(name), text, values: params });
  return rows.map(rowToEvent);
}

/** One aggregate's events from a version on (inclusive), optionally only those up to a version or an instant (inclusive). */
export function readStream(db: Db, stream: StreamId, opts: { fromVersion?: number; toVersion?: number; until?: Date } = {}) {
  const params = [stream.aggregateType, stream.aggregateId, opts.fromVersion ?? 1];
  if (opts.toVersion === undefined && opts.until === undefined) {
    // Every command loads its stream's newest events: named, planned once per connection rather than per call.
    return select(db, `aggregate_type = $1 AND aggregate_id = $2 AND version >= $3`, params, "version", "chronoboard.stream-newest");
  }
  return select(
    db,
    `aggregate_type = $1 AND aggregate_id = $2 AND version >= $3 AND ($4::int IS NULL OR version <= $4)
     AND ${storedAsOf("events", "$5")}`,
    [...params, opts.toVersion ?? null, opts.until ?? null],
    "version",
  );
}

/** The events a command (its causation id) wrote to one aggregate. */
export function readCausedBy(db: Db, stream: StreamId, causationId: string) {
  return select(
    db,
    `aggregate_type = $1 AND aggregate_id = $2 AND metadata ->> 'causationId' = $3`,
    [stream.aggregateType, stream.aggregateId, causationId],
    "version",
  );
}

/**
 * Every event of a project in the order they were stored. For the history views of committed data;
 * live subscribers use readFeed, which never skips a late commit.
 */
export function readProject(db: Db, projectId: string, opts: { until?: Date; afterPosition?: number } = {}) {
  return select(
    db,
    `project_id = $1 AND position > $2 AND ${storedAsOf("events", "$3")}`,
    [projectId, opts.afterPosition ?? 0, opts.until ?? null],
  );
}

export function readByType(db: Db, eventType: string, opts: { from?: Date; to?: Date } = {}) {
  return select(
    db,
    `event_type = $1 AND ($2::timestamptz IS NULL OR "timestamp" >= $2) AND ($3::timestamptz IS NULL OR "timestamp" <= $3)`,
    [eventType, opts.from ?? null, opts.to ?? null],
    `"timestamp" DESC, position DESC`,
  );
}

/** Events by id (ids that are not UUIDs match nothing). */
export function readEvents(db: Db, eventIds: string[]) {
  const ids = eventIds.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  return select(db, `event_id = ANY($1::uuid[])`, [ids]);
}

export function readByCorrelation(db: Db, correlationId: string) {
  return select(db, `metadata ->> 'correlationId' = $1`, [correlationId]);
}

/** The position of a project's newest event (0 for none): cheap, from the (project_id, position) index. */
export async function latestProjectPosition(db: Db, projectId: string): Promise<number> {
  const { rows } = await db.query<{ p: string | null }>(`SELECT max(position) AS p FROM events WHERE project_id = $1`, [projectId]);
  return Number(rows[0]!.p ?? 0);
}

/** The instant an event counts at in "as of" reads: its command's last (see commandBefore). */
export async function commandInstantOf(db: Db, event: StoredEvent): Promise<Date> {
  const { rows } = await db.query<{ t: Date }>(
    `SELECT max(c."timestamp") AS t FROM events e JOIN events c ON ${sameCommand("e", "c")} WHERE e.position = $1`,
    [event.position],
  );
  return rows[0]!.t;
}

/** When each project's newest event happened (one look-up per project in the (project_id, timestamp) index). */
export async function lastEventTimes(db: Db, projectIds: string[]): Promise<Map<string, Date>> {
  const { rows } = await db.query<{ id: string; at: Date | null }>(
    `SELECT p.id::text AS id, (SELECT max(e."timestamp") FROM events e WHERE e.project_id = p.id) AS at
     FROM unnest($1::uuid[]) AS p (id)`,
    [projectIds],
  );
  return new Map(rows.flatMap((row) => (row.at ? [[row.id, row.at] as const] : [])));
}

/** The events of the given types in the given projects, in the order they were stored. */
export function readProjectsByType(db: Db, projectIds: string[], eventTypes: string[]) {
  return select(db, `project_id = ANY($1::uuid[]) AND event_type = ANY($2::text[])`, [projectIds, eventTypes]);
}

/** Every project membership event (added, role changed, removed) of one user, in the order they were stored. */
export function readMembershipsOf(db: Db, userId: string) {
  return select(
    db,
    `aggregate_type = 'project' AND event_type IN ('MemberAdded', 'MemberRoleChanged', 'MemberRemoved') AND payload ->> 'userId' = $1`,
    [userId],
  );
}

/** The position of the newest event in the log (0 for none). */
export async function latestPosition(db: Db): Promise<number> {
  const { rows } = await db.query<{ p: string | null }>(`SELECT max(position) AS p FROM events`);
  return Number(rows[0]!.p ?? 0);
}

/** Each event's stored timestamp to the microsecond (JavaScript dates keep milliseconds), by position. */
export async function preciseTimestamps(db: Db, positions: number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ position: string; ts: string }>(
    `SELECT position, ${PRECISE_TIMESTAMP_SQL} AS ts FROM events WHERE position = ANY($1::bigint[])`,
    [positions],
  );
  return new Map(rows.map((r) => [Number(r.position), r.ts]));
}

/** The events at the given positions, in position order, each with its timestamp to the microsecond. */
export async function readPrecise(db: Db, positions: number[]): Promise<{ event: StoredEvent; preciseTimestamp: string }[]> {
  const { rows } = await db.query<EventRow & { precise_timestamp: string }>(
    `SELECT ${EVENT_COLUMNS}, ${PRECISE_TIMESTAMP_SQL} AS precise_timestamp FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`,
    [positions],
  );
  return rows.map((row) => ({ event: rowToEvent(row), preciseTimestamp: row.precise_timestamp }));
}
