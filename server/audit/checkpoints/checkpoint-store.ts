import type { Db } from "../../db";
import { treeRoot } from "../merkle/proofs";
import { type SignedCheckpoint, signCheckpoint } from "./checkpoint";
import { activeSigningKey } from "./signing-key";

interface CheckpointRow {
  project_id: string;
  tree_size: string;
  root_hash: string;
  signed_at: string;
  key_fingerprint: string;
  signature: string;
}

const COLUMNS = `project_id, tree_size, root_hash, signed_at, key_fingerprint, signature`;

function fromRow(r: CheckpointRow): SignedCheckpoint {
  return {
    format: "chronoboard-checkpoint/1",
    projectId: r.project_id,
    treeSize: Number(r.tree_size),
    rootHash: r.root_hash,
    signedAt: r.signed_at,
    keyFingerprint: r.key_fingerprint,
    signature: r.signature,
  };
}

/**
 * Signs and stores a checkpoint of the project's tree at `treeSize` leaves, unless one of that size is
 * stored already (then that one is the answer). Callers hold the sealer's lock, so sizes only grow.
 */
export async function storeCheckpoint(db: Db, projectId: string, treeSize: number): Promise<{ checkpoint: SignedCheckpoint; created: boolean }> {
  const existing = await checkpointOfSize(db, projectId, treeSize);
  if (existing) return { checkpoint: existing, created: false };
  const checkpoint = signCheckpoint(await activeSigningKey(db), {
    projectId,
    treeSize,
    rootHash: await treeRoot(db, projectId, treeSize),
    signedAt: new Date().toISOString(),
  });
  await db.query(
    `INSERT INTO audit_checkpoints (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`,
    [projectId, treeSize, checkpoint.rootHash, checkpoint.signedAt, checkpoint.keyFingerprint, checkpoint.signature],
  );
  return { checkpoint, created: true };
}

export async function checkpointOfSize(db: Db, projectId: string, treeSize: number): Promise<SignedCheckpoint | null> {
  const { rows } = await db.query<CheckpointRow>(`SELECT ${COLUMNS} FROM audit_checkpoints WHERE project_id = $1 AND tree_size = $2`, [
    projectId,
    treeSize,
  ]);
  return rows[0] ? fromRow(rows[0]) : null;
}

/** The newest checkpoint of at most `maxSize` leaves (the newest of all without it), or null. */
export async function latestCheckpoint(db: Db, projectId: string, maxSize?: number): Promise<SignedCheckpoint | null> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM audit_checkpoints WHERE project_id = $1 AND ($2::bigint IS NULL OR tree_size <= $2)
     ORDER BY tree_size DESC LIMIT 1`,
    [projectId, maxSize ?? null],
  );
  return rows[0] ? fromRow(rows[0]) : null;
}

/** A project's checkpoints larger than `afterSize`, smallest first, at most `limit`. */
export async function checkpointsAfter(db: Db, projectId: string, afterSize: number, limit: number): Promise<SignedCheckpoint[]> {
  const { rows } = await db.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM audit_checkpoints WHERE project_id = $1 AND tree_size > $2 ORDER BY tree_size LIMIT $3`,
    [projectId, afterSize, limit],
  );
  return rows.map(fromRow);
}

/**
 * The trees that have grown past their newest checkpoint: by `minEvents` leaves or more, or at all when
 * that checkpoint is older than `maxAgeMs` (or missing).
 */
export async function treesDue(db: Db, projectIds: string[] | null, minEvents: number, maxAgeMs: number) {
  const { rows } = await db.query<{ project_id: string; size: string; checkpointed: string | null; stale: boolean }>(
    `SELECT t.project_id, t.size, c.tree_size AS checkpointed,
            (c.signed_at IS NULL OR c.signed_at::timestamptz <= clock_timestamp() - make_interval(secs => $3::float8 / 1000)) AS stale
     FROM merkle_trees t
     LEFT JOIN LATERAL (SELECT tree_size, signed_at FROM audit_checkpoints c WHERE c.project_id = t.project_id
                        ORDER BY tree_size DESC LIMIT 1) c ON true
     WHERE ($1::uuid[] IS NULL OR t.project_id = ANY($1::uuid[]))
       AND t.size > coalesce(c.tree_size, 0)
       AND (t.size - coalesce(c.tree_size, 0) >= $2
            OR c.signed_at IS NULL OR c.signed_at::timestamptz <= clock_timestamp() - make_interval(secs => $3::float8 / 1000))`,
    [projectIds, minEvents, maxAgeMs],
  );
  return rows.map((r) => ({ projectId: r.project_id, size: Number(r.size), checkpointed: Number(r.checkpointed ?? 0), stale: r.stale }));
}
