import type pg from "pg";
import { isUniqueViolation } from "../db";
import { ConcurrencyError } from "./errors";
import type { EventMetadata, NewEvent } from "./types";

/** The first event of a stream that does not exist yet: one command's whole outcome (a bulk import's row). */
export interface NewStreamEvent extends NewEvent {
  aggregateType: string;
  aggregateId: string;
  metadata: EventMetadata;
}

/** Rows per INSERT: large enough that round trips stop mattering, small enough to report progress often. */
const CHUNK = 1000;

const INSERT_SQL = `
INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata)
SELECT i.event_id, i.event_type, i.event_version, i.aggregate_type, i.aggregate_id, 1, $1, i.payload, i.metadata
FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::uuid[], $7::jsonb[], $8::jsonb[])
  WITH ORDINALITY AS i(event_id, event_type, event_version, aggregate_type, aggregate_id, payload, metadata, n)
ORDER BY i.n
RETURNING position`;

/**
 * Appends many one-event commands, each starting its own stream (version 1), inside the caller's transaction
 * (`db` must be a client in BEGIN): with the caller's COMMIT they are all stored, with a ROLLBACK — or a
 * process that dies, whose open transaction PostgreSQL aborts — none. Events whose ids are stored already are
 * left out and counted: a command sent again (a retried import) writes nothing new. A stream that exists
 * under another event is a conflict, as for appendToStream. The caller announces the change after COMMIT.
 */
export async function appendNewStreams(
  db: pg.PoolClient,
  projectId: string,
  events: NewStreamEvent[],
  onChunk?: (written: number, total: number) => void,
): Promise<{ written: number; alreadyStored: number; lastPosition: number | null }> {
  const { rows } = await db.query<{ event_id: string }>(`SELECT event_id FROM events WHERE event_id = ANY($1::uuid[])`, [events.map((e) => e.eventId)]);
  const stored = new Set(rows.map((r) => r.event_id));
  const fresh = events.filter((e) => !stored.has(e.eventId));
  let lastPosition: number | null = null;
  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = fresh.slice(start, start + CHUNK);
    try {
      const result = await db.query<{ position: string }>(INSERT_SQL, [
        projectId,
        chunk.map((e) => e.eventId),
        chunk.map((e) => e.eventType),
        chunk.map((e) => e.eventVersion),
        chunk.map((e) => e.aggregateType),
        chunk.map((e) => e.aggregateId),
        chunk.map((e) => JSON.stringify(e.payload)),
        chunk.map((e) => JSON.stringify(e.metadata)),
      ]);
      lastPosition = Number(result.rows.at(-1)!.position);
    } catch (error) {
      if (isUniqueViolation(error, "events_stream_version_key")) {
        const stream = chunk[0]!;
        throw new ConcurrencyError(stream.aggregateType, "(one of the imported streams)", 0, 1);
      }
      throw error;
    }
    onChunk?.(start + chunk.length, fresh.length);
  }
  return { written: fresh.length, alreadyStored: stored.size, lastPosition };
}
