import type { Db } from "../db";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "../eventstore/row";
import { type AuditEnvelope, auditEnvelope, PRECISE_TIMESTAMP_SQL } from "./chain-hash";

/** One link of a project's chain: the event's envelope with the hashes the sealer recorded for it. */
export interface SealedEvent {
  chainIndex: number;
  envelope: AuditEnvelope;
  prevHash: string;
  hash: string;
  /** The author's display name today (not covered by the chain: names can change). */
  userName: string | null;
}

interface SealedRow extends EventRow {
  precise_timestamp: string;
  chain_index: string;
  prev_hash: string;
  hash: string;
  user_name: string | null;
}

/** A project's chain links after one chain index (exclusive), in chain order, at most `limit` of them. */
async function readSealed(
  db: Db,
  projectId: string,
  range: { after: number; through?: number; limit: number },
): Promise<SealedEvent[]> {
  const { rows } = await db.query<SealedRow>(
    `SELECT ${EVENT_COLUMNS}, ${PRECISE_TIMESTAMP_SQL} AS precise_timestamp, chain_index, prev_hash, hash, user_name
     FROM (SELECT e.*, h.chain_index, h.prev_hash, h.hash, u.name AS user_name
           FROM event_hashes h
           JOIN events e ON e.position = h.position
           LEFT JOIN users u ON u.id = e.metadata ->> 'userId'
           WHERE h.project_id = $1 AND h.chain_index > $2 AND ($3::bigint IS NULL OR h.chain_index <= $3)
           ORDER BY h.chain_index
           LIMIT $4) sealed
     ORDER BY chain_index`,
    [projectId, range.after, range.through ?? null, range.limit],
  );
  return rows.map((row) => ({
    chainIndex: Number(row.chain_index),
    envelope: auditEnvelope(rowToEvent(row), row.precise_timestamp),
    prevHash: row.prev_hash,
    hash: row.hash,
    userName: row.user_name,
  }));
}

/** Every link of a project's chain from one index on, read in batches so memory stays flat. */
export async function* sealedEvents(db: Db, projectId: string, range: { after: number; through?: number }) {
  let after = range.after;
  for (;;) {
    const batch = await readSealed(db, projectId, { after, through: range.through, limit: 1000 });
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.chainIndex;
  }
}
