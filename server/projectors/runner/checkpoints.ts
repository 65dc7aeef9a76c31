import { FEED_START, type FeedCheckpoint } from "../../eventstore";
import { statementName } from "../../db";
import type { Tx } from "./projector";

export async function readCheckpoint(tx: Tx, name: string): Promise<FeedCheckpoint> {
  const { rows } = await tx.query<{ transaction_id: string; position: string }>({
    name: statementName("chronoboard.read-checkpoint"),
    text: `SELECT transaction_id::text AS transaction_id, position FROM projection_checkpoints WHERE name = $1`,
    values: [name],
  });
  return rows[0] ? { transactionId: rows[0].transaction_id, position: Number(rows[0].position) } : FEED_START;
}

export async function saveCheckpoint(tx: Tx, name: string, checkpoint: FeedCheckpoint): Promise<void> {
  await tx.query({
    name: statementName("chronoboard.save-checkpoint"),
    text: `INSERT INTO projection_checkpoints (name, transaction_id, position, updated_at) VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position, updated_at = now()`,
    values: [name, checkpoint.transactionId, checkpoint.position],
  });
}
