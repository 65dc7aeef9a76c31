import type { EventMetadata, StoredEvent } from "./types";

/** Columns selected wherever stored events are read, in the order rowToEvent expects. */
export const EVENT_COLUMNS = `position, transaction_id::text AS transaction_id, event_id, event_type, event_version,
  aggregate_type, aggregate_id, version, project_id, "timestamp", payload, metadata`;

export interface EventRow {
  position: string;
  transaction_id: string;
  event_id: string;
  event_type: string;
  event_version: number;
  aggregate_type: string;
  aggregate_id: string;
  version: number;
  project_id: string;
  timestamp: Date;
  payload: unknown;
  metadata: EventMetadata;
}

export function rowToEvent(row: EventRow): StoredEvent {
  return {
    position: Number(row.position),
    transactionId: row.transaction_id,
    eventId: row.event_id,
    eventType: row.event_type,
    eventVersion: row.event_version,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    version: row.version,
    projectId: row.project_id,
    timestamp: row.timestamp,
    payload: row.payload,
    metadata: row.metadata,
  };
}
