import { recordSnapshot } from "../metrics";
import { type Db, statementName } from "../db";
import { storedAsOf } from "./read";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent, StreamId } from "./types";

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
 * The newest snapshot of the stream at or before the target, of the given state schema version only (a
 * snapshot of another shape is never read), and the stream's events after it up to the target: in one
 * statement, a load that the process has not cached costs one round trip, as a cached one does. Without a
 * snapshot, every event up to the target. The snapshot's own event comes along as the first row, carrying
 * the state: its timestamp is the snapshot's, so "at or before an instant" is decided by the log's clock.
 */
export async function readFromSnapshot<S>(
  db: Db,
  stream: StreamId,
  stateSchemaVersion: number,
  target: AggregateTarget,
): Promise<{ snapshot: Snapshot<S> | null; tail: StoredEvent[] }> {
  // Both the snapshot's event and the events read go by the same target, so the tail starts right after it.
  const inTarget = (e: string) => `($4::int IS NULL OR ${e}.version <= $4) AND ${storedAsOf(e, "$5")}`;
  const { rows } = await db.query<EventRow & { snapshot_state: S | null }>({
    // Every command's first load of a stream is the newest: named, planned once per connection. A target is
    // left to a plan for its values, which then bound the index scan by version.
    name: target.toVersion === undefined && target.until === undefined ? statementName("chronoboard.stream-from-snapshot") : undefined,
    text: `WITH snapshot AS MATERIALIZED (
       SELECT s.version AS snapshot_version, s.state AS snapshot_state
       FROM snapshots s
       JOIN events e ON e.aggregate_type = s.aggregate_type AND e.aggregate_id = s.aggregate_id AND e.version = s.version
       WHERE s.aggregate_type = $1 AND s.aggregate_id = $2 AND s.state_schema_version = $3 AND ${inTarget("e")}
       ORDER BY s.version DESC
       LIMIT 1
     )
     SELECT ${EVENT_COLUMNS}, snapshot_state
     FROM events LEFT JOIN snapshot ON snapshot_version = events.version
     WHERE aggregate_type = $1 AND aggregate_id = $2 AND events.version >= coalesce((SELECT snapshot_version FROM snapshot), 1)
       AND ${inTarget("events")}
     ORDER BY events.version`,
    values: [stream.aggregateType, stream.aggregateId, stateSchemaVersion, target.toVersion ?? null, target.until ?? null],
  });
  const first = rows[0];
  if (first?.snapshot_state == null) return { snapshot: null, tail: rows.map(rowToEvent) };
  return {
    snapshot: { version: first.version, state: first.snapshot_state, timestamp: first.timestamp },
    tail: rows.slice(1).map(rowToEvent),
  };
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
