import { recordSnapshot } from "../metrics";
import type { Db } from "../db";
import { MILLISECOND } from "./read";
import type { StreamId } from "./types";

/** A stored state of one aggregate after the event at `version`, which was stored at `timestamp`. */
export interface Snapshot<S> {
  version: number;
  state: S;
  timestamp: Date;
}

/** How far a load reads: up to a version and/or an instant (both inclusive); neither = the newest state. */
export interface AggregateTarget {
  toVersion?: number;
  until?: Date;
}

/**
 * The newest snapshot of the stream at or before the target, of the given state schema version only:
 * a snapshot of another shape is never read. The event's timestamp comes from the log, so "at or before
 * an instant" is decided by the same clock as the events.
 */
export async function readSnapshot<S>(db: Db, stream: StreamId, stateSchemaVersion: number, target: AggregateTarget): Promise<Snapshot<S> | null> {
  const { rows } = await db.query<Snapshot<S>>(
    `SELECT s.version, s.state, e."timestamp"
     FROM snapshots s
     JOIN events e ON e.aggregate_type = s.aggregate_type AND e.aggregate_id = s.aggregate_id AND e.version = s.version
     WHERE s.aggregate_type = $1 AND s.aggregate_id = $2 AND s.state_schema_version = $3
       AND ($4::int IS NULL OR s.version <= $4) AND ($5::timestamptz IS NULL OR e."timestamp" < $5 + ${MILLISECOND})
     ORDER BY s.version DESC
     LIMIT 1`,
    [stream.aggregateType, stream.aggregateId, stateSchemaVersion, target.toVersion ?? null, target.until ?? null],
  );
  return rows[0] ?? null;
}

/**
 * Stores a snapshot and drops the stream's snapshots of older state schema versions, which no load
 * reads any more. A snapshot already stored at that version is replaced only by a newer schema.
 */
export async function saveSnapshot(db: Db, stream: StreamId, stateSchemaVersion: number, snapshot: { version: number; state: unknown }) {
  const json = JSON.stringify(snapshot.state);
  const { rowCount } = await db.query(
    `WITH outdated AS (
       DELETE FROM snapshots
       WHERE aggregate_type = $1 AND aggregate_id = $2 AND state_schema_version < $3 AND version <> $4
     )
     INSERT INTO snapshots (aggregate_type, aggregate_id, version, state_schema_version, state)
     VALUES ($1, $2, $4, $3, $5)
     ON CONFLICT (aggregate_type, aggregate_id, version) DO UPDATE
       SET state = EXCLUDED.state, state_schema_version = EXCLUDED.state_schema_version, taken_at = now()
       WHERE snapshots.state_schema_version < EXCLUDED.state_schema_version
     RETURNING 1`,
    [stream.aggregateType, stream.aggregateId, stateSchemaVersion, snapshot.version, json],
  );
  if (rowCount) recordSnapshot("aggregate", json);
}
