import type { Db } from "../db";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent, StreamId } from "./types";

/**
 * "Up to an instant" is inclusive at the millisecond: timestamps are stored to the microsecond but reach
 * clients as milliseconds, so an event shown at 14:05:00.123 is part of the log "as of 14:05:00.123".
 * Written as a range on the timestamp so the indexes serve it.
 */
export const MILLISECOND = "interval '1 millisecond'";

async function select(db: Db, where: string, params: unknown[], order = "position"): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE ${where} ORDER BY ${order}`, params);
  return rows.map(rowToEvent);
}

/** One aggregate's events from a version on (inclusive), optionally only those up to a version or an instant (inclusive). */
export function readStream(db: Db, stream: StreamId, opts: { fromVersion?: number; toVersion?: number; until?: Date } = {}) {
  return select(
    db,
    `aggregate_type = $1 AND aggregate_id = $2 AND version >= $3 AND ($4::int IS NULL OR version <= $4)
     AND ($5::timestamptz IS NULL OR "timestamp" < $5 + ${MILLISECOND})`,
    [stream.aggregateType, stream.aggregateId, opts.fromVersion ?? 1, opts.toVersion ?? null, opts.until ?? null],
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
    `project_id = $1 AND position > $2 AND ($3::timestamptz IS NULL OR "timestamp" < $3 + ${MILLISECOND})`,
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
