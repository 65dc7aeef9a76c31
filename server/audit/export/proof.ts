import type pg from "pg";
import type { SignedCheckpoint } from "../checkpoints/checkpoint";
import { checkpointOfSize, latestCheckpoint } from "../checkpoints/checkpoint-store";
import { consistencyProof } from "../merkle/proofs";
import { edgeHashes } from "../merkle/tree-store";
import { checkpointNow } from "../sealer";
import type { ChainSegment } from "./segment";

/**
 * What ties an export to signed checkpoints (README, "What an export proves"): the exported records are
 * leaves [firstLeafIndex, firstLeafIndex + eventCount) of the project's tree; with the complete subtrees
 * to their left and right they rebuild the root `checkpoint` signs.
 */
export interface ExportProof {
  firstLeafIndex: number;
  /** Hashes of the complete subtrees of leaves [0, firstLeafIndex), largest first. */
  leftEdge: string[];
  /** Hashes of the complete subtrees of leaves [end of range, checkpoint.treeSize), in leaf order. */
  rightEdge: string[];
  /** Signed at this export (or the newest one, when the tree has not grown since). */
  checkpoint: SignedCheckpoint;
  /** The newest stored checkpoint no larger than firstLeafIndex, and the proof that `checkpoint` extends it. */
  checkpointBeforeRange: SignedCheckpoint | null;
  consistencyFromBeforeRange: string[];
  /** The checkpoint the project's previous export ended at, and the proof that `checkpoint` extends it. */
  previousExport: { exportEventId: string; checkpoint: SignedCheckpoint; consistencyProof: string[] } | null;
}

export async function exportProof(pool: pg.Pool, projectId: string, segment: ChainSegment): Promise<ExportProof> {
  const checkpoint = await checkpointNow(pool, projectId);
  const size = checkpoint.treeSize;
  const before = await latestCheckpoint(pool, projectId, segment.after);
  const previous = await previousExport(pool, projectId);
  return {
    firstLeafIndex: segment.after,
    leftEdge: await edgeHashes(pool, projectId, { start: 0, end: segment.after }),
    rightEdge: await edgeHashes(pool, projectId, { start: segment.through, end: size }),
    checkpoint,
    checkpointBeforeRange: before,
    consistencyFromBeforeRange: before ? await consistencyProof(pool, projectId, before.treeSize, size) : [],
    previousExport: previous && {
      exportEventId: previous.exportEventId,
      checkpoint: previous.checkpoint,
      consistencyProof: await consistencyProof(pool, projectId, previous.checkpoint.treeSize, size),
    },
  };
}

async function previousExport(db: pg.Pool, projectId: string) {
  const { rows } = await db.query<{ export_event_id: string; tree_size: string }>(
    `SELECT export_event_id, tree_size FROM audit_exports WHERE project_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [projectId],
  );
  if (!rows[0]) return null;
  const checkpoint = await checkpointOfSize(db, projectId, Number(rows[0].tree_size));
  return checkpoint && { exportEventId: rows[0].export_event_id, checkpoint };
}

/** Remembers where this export ended, for the next export's consistency proof. */
export async function rememberExport(db: pg.Pool, exportEventId: string, projectId: string, treeSize: number) {
  await db.query(`INSERT INTO audit_exports (export_event_id, project_id, tree_size) VALUES ($1, $2, $3)`, [exportEventId, projectId, treeSize]);
}
