import type pg from "pg";
import { readEvents } from "../eventstore";
import type { AuditEnvelope } from "./chain-hash";
import type { SignedCheckpoint } from "./checkpoints/checkpoint";
import { checkpointOfSize, latestCheckpoint } from "./checkpoints/checkpoint-store";
import { inclusionProof } from "./merkle/proofs";
import { checkpointNow, sealCommitted } from "./sealer";
import { sealedEvents } from "./sealed-events";

/** An inclusion receipt for one event: what anyone can check with the public key alone (README). */
export interface Receipt {
  format: "chronoboard-receipt/1";
  /** The event as the chain and the leaf hold it; the leaf replaces payload by SHA-256(salt ‖ JCS(payload)). */
  envelope: AuditEnvelope;
  salt: string | null;
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
  checkpoint: SignedCheckpoint;
}

export type ReceiptAnswer = { receipt: Receipt } | { notFound: string } | { badRequest: string };

/**
 * The receipt of `eventId` in project `projectId`, against the checkpoint of `treeSize` leaves when
 * given (it must be stored and hold the event), else the newest checkpoint holding it (signed now if
 * none does yet). Seals first when the event is not sealed yet.
 */
export async function eventReceipt(pool: pg.Pool, projectId: string, eventId: string, treeSize?: number): Promise<ReceiptAnswer> {
  const [event] = await readEvents(pool, [eventId]);
  if (!event || event.projectId !== projectId) return { notFound: "No such event in this project" };
  let leaf = await leafOf(pool, event.position);
  if (!leaf) {
    await sealCommitted(pool);
    leaf = await leafOf(pool, event.position);
    if (!leaf) return { notFound: "The event is not sealed yet" };
  }
  let checkpoint: SignedCheckpoint | null;
  if (treeSize !== undefined) {
    checkpoint = await checkpointOfSize(pool, projectId, treeSize);
    if (!checkpoint) return { notFound: `No checkpoint of ${treeSize} events is stored for this project` };
    if (treeSize <= leaf.leafIndex) return { badRequest: `The checkpoint of ${treeSize} events does not hold this event (leaf ${leaf.leafIndex})` };
  } else {
    checkpoint = await latestCheckpoint(pool, projectId);
    if (!checkpoint || checkpoint.treeSize <= leaf.leafIndex) checkpoint = await checkpointNow(pool, projectId);
  }
  const { value: links } = await sealedEvents(pool, projectId, { after: leaf.leafIndex, through: leaf.leafIndex + 1 }).next();
  const link = links?.[0];
  if (!link) return { notFound: "The event is not sealed yet" };
  return {
    receipt: {
      format: "chronoboard-receipt/1",
      envelope: link.envelope,
      salt: leaf.salt,
      leafIndex: leaf.leafIndex,
      treeSize: checkpoint.treeSize,
      auditPath: await inclusionProof(pool, projectId, leaf.leafIndex, checkpoint.treeSize),
      checkpoint,
    },
  };
}

/** The event's leaf index (chain index − 1) and salt, once sealed into the tree. */
async function leafOf(db: pg.Pool, position: number) {
  const { rows } = await db.query<{ chain_index: string; salt: string | null }>(
    `SELECT h.chain_index, s.salt FROM event_hashes h
     JOIN merkle_nodes n ON n.project_id = h.project_id AND n.level = 0 AND n.idx = h.chain_index - 1
     LEFT JOIN leaf_salts s ON s.position = h.position
     WHERE h.position = $1`,
    [position],
  );
  return rows[0] ? { leafIndex: Number(rows[0].chain_index) - 1, salt: rows[0].salt } : null;
}
