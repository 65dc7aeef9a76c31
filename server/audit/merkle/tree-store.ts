import type { Db } from "../../db";
import type { AuditEnvelope } from "../chain-hash";
import { sealedEvents } from "../sealed-events";
import { leafBytes, newSalt } from "./leaf";
import { completeNodes, type LeafRange, type NodeId } from "./proof-ranges";
import { EMPTY_ROOT, leafHash, nodeHash } from "./tree-hash";

/** A newly sealed event, to be appended to its project's tree as leaf chainIndex − 1. */
export interface NewLeaf {
  chainIndex: number;
  envelope: AuditEnvelope;
}

/** The number of leaves of each project's tree (0 for a project without one). */
export async function treeSizes(db: Db, projectIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ project_id: string; size: string }>(
    `SELECT p.project_id, coalesce((SELECT idx + 1 FROM merkle_nodes n WHERE n.project_id = p.project_id AND n.level = 0
                                    ORDER BY idx DESC LIMIT 1), 0) AS size
     FROM unnest($1::uuid[]) AS p(project_id)`,
    [projectIds],
  );
  return new Map(rows.map((r) => [r.project_id, Number(r.size)]));
}

/** The hashes of stored complete subtrees, keyed `level:idx`. */
async function readNodes(db: Db, projectId: string, nodes: NodeId[]): Promise<Map<string, Buffer>> {
  const { rows } = await db.query<{ level: number; idx: string; hash: Buffer }>(
    `SELECT n.level, n.idx, n.hash FROM unnest($2::smallint[], $3::bigint[]) AS w(level, idx)
     JOIN merkle_nodes n ON n.project_id = $1 AND n.level = w.level AND n.idx = w.idx`,
    [projectId, nodes.map((n) => n.level), nodes.map((n) => n.idx)],
  );
  return new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
}

/**
 * MTH(D[start:end]) for each range, from the complete subtrees that make it up (one query, O(log n)
 * rows per range): the right fold node(P1, node(P2, … Pj)) of RFC 9162's split at the largest power of two.
 */
export async function subtreeHashes(db: Db, projectId: string, ranges: LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map(completeNodes);
  const stored = await readNodes(db, projectId, parts.flat());
  return parts.map((nodes) => {
    const hashes = nodes.map(({ level, idx }) => {
      const hash = stored.get(`${level}:${idx}`);
      if (!hash) throw new Error(`Merkle node ${level}:${idx} of project ${projectId} is missing`);
      return hash;
    });
    if (hashes.length === 0) return EMPTY_ROOT;
    return hashes.reduceRight((right, left) => nodeHash(left, right));
  });
}

/** The hashes of the complete subtrees that make up leaves [start, end), largest first, in hex. */
export async function edgeHashes(db: Db, projectId: string, range: LeafRange): Promise<string[]> {
  const nodes = completeNodes(range);
  const stored = await readNodes(db, projectId, nodes);
  return nodes.map(({ level, idx }) => {
    const hash = stored.get(`${level}:${idx}`);
    if (!hash) throw new Error(`Merkle node ${level}:${idx} of project ${projectId} is missing`);
    return hash.toString("hex");
  });
}

/**
 * Grows a project's tree from its chain, a batch of links at a time, up to (not including) chain index
 * `before`, or to the chain head (a chain sealed before trees existed); returns its size.
 */
export async function catchUpTree(db: Db, projectId: string, before: number | null = null): Promise<number> {
  let size = (await treeSizes(db, [projectId])).get(projectId)!;
  for await (const batch of sealedEvents(db, projectId, { after: size, through: before === null ? undefined : before - 1 })) {
    const leaves = batch.map((link) => ({ chainIndex: link.chainIndex, envelope: link.envelope }));
    size = (await growTrees(db, new Map([[projectId, leaves]]))).get(projectId)!;
  }
  return size;
}

/**
 * Appends each project's new leaves to its tree, in the sealer's transaction: the leaf, its salt and
 * every subtree it completes. A tree that lags its chain (sealed before trees existed) is grown from the
 * chain first. Returns the new size of each tree.
 */
export async function growTrees(db: Db, leaves: Map<string, NewLeaf[]>): Promise<Map<string, number>> {
  const projectIds = [...leaves.keys()];
  let sizes = await treeSizes(db, projectIds);
  const lagging = projectIds.filter((id) => sizes.get(id)! < leaves.get(id)![0]!.chainIndex - 1);
  if (lagging.length > 0) {
    for (const projectId of lagging) await catchUpTree(db, projectId, leaves.get(projectId)![0]!.chainIndex);
    sizes = await treeSizes(db, projectIds);
  }
  const rows = { project: [] as string[], level: [] as number[], idx: [] as number[], hash: [] as Buffer[] };
  const salts = { position: [] as number[], salt: [] as string[] };
  for (const projectId of projectIds) {
    const size = sizes.get(projectId)!;
    const fresh = leaves.get(projectId)!;
    if (fresh[0]!.chainIndex - 1 !== size) throw new Error(`The Merkle tree of project ${projectId} does not end where its new leaves start`);
    // The right edge: the complete subtrees of the current tree, largest first.
    const edge = completeNodes({ start: 0, end: size });
    const edgeHashes = await readNodes(db, projectId, edge);
    const stack = edge.map((node) => ({ ...node, hash: edgeHashes.get(`${node.level}:${node.idx}`)! }));
    let next = size;
    for (const leaf of fresh) {
      const salt = newSalt();
      salts.position.push(leaf.envelope.position);
      salts.salt.push(salt);
      let node = { level: 0, idx: next, hash: leafHash(leafBytes(leaf.envelope, salt)) };
      for (;;) {
        rows.project.push(projectId);
        rows.level.push(node.level);
        rows.idx.push(node.idx);
        rows.hash.push(node.hash);
        const top = stack[stack.length - 1];
        if (!top || top.level !== node.level) break;
        stack.pop();
        node = { level: node.level + 1, idx: top.idx / 2, hash: nodeHash(top.hash, node.hash) };
      }
      stack.push(node);
      next += 1;
    }
    sizes.set(projectId, next);
  }
  await db.query(
    `INSERT INTO merkle_nodes (project_id, level, idx, hash)
     SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::bigint[], $4::bytea[])`,
    [rows.project, rows.level, rows.idx, rows.hash],
  );
  await db.query(`INSERT INTO leaf_salts (position, salt) SELECT * FROM unnest($1::bigint[], $2::text[])`, [
    salts.position,
    salts.salt,
  ]);
  await db.query(
    `INSERT INTO merkle_trees (project_id, size) SELECT * FROM unnest($1::uuid[], $2::bigint[])
     ON CONFLICT (project_id) DO UPDATE SET size = excluded.size, grown_at = clock_timestamp()`,
    [projectIds, projectIds.map((id) => sizes.get(id)!)],
  );
  return sizes;
}
