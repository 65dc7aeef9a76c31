import type { Db } from "../db";
import { readPrecise } from "../eventstore";
import { usersByIds } from "../read-models";
import { type AuditEnvelope, auditEnvelope } from "./chain-hash";

/** One link of a project's chain: the event's envelope with the hashes the sealer recorded for it. */
export interface SealedEvent {
  chainIndex: number;
  envelope: AuditEnvelope;
  prevHash: string;
  hash: string;
  /** The author's display name today (not covered by the chain: names can change). */
  userName: string | null;
  /** The salt of the payload's commitment in the Merkle leaf (null when the tree does not hold it yet). */
  salt: string | null;
}

/** A project's chain links after one chain index (exclusive), in chain order, at most `limit` of them. */
async function readSealed(
  db: Db,
  projectId: string,
  range: { after: number; through?: number; limit: number },
): Promise<SealedEvent[]> {
  const { rows } = await db.query<{ position: string; chain_index: string; prev_hash: string; hash: string; salt: string | null }>(
    `SELECT h.position, chain_index, prev_hash, hash, s.salt FROM event_hashes h LEFT JOIN leaf_salts s ON s.position = h.position
     WHERE project_id = $1 AND chain_index > $2 AND ($3::bigint IS NULL OR chain_index <= $3)
     ORDER BY chain_index
     LIMIT $4`,
    [projectId, range.after, range.through ?? null, range.limit],
  );
  if (rows.length === 0) return [];
  const events = new Map((await readPrecise(db, rows.map((row) => Number(row.position)))).map((e) => [e.event.position, e]));
  const userIds = [...new Set([...events.values()].map((e) => e.event.metadata.userId))];
  const names = new Map((await usersByIds(db, userIds)).map((user) => [user.id, user.name]));
  return rows.map((row) => {
    const { event, preciseTimestamp } = events.get(Number(row.position))!;
    return {
      chainIndex: Number(row.chain_index),
      envelope: auditEnvelope(event, preciseTimestamp),
      prevHash: row.prev_hash,
      hash: row.hash,
      userName: names.get(event.metadata.userId) ?? null,
      salt: row.salt,
    };
  });
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
