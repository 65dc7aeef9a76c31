import { splitPoint } from "./tree-hash";

/** Leaves [start, end) of a tree: the subtree whose hash MTH(D[start:end]) a proof holds. */
export interface LeafRange {
  start: number;
  end: number;
}

/*
 * Which subtree hashes a proof holds, in the order RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (PROOF)
 * list them. Pure arithmetic: the hashes are filled in from the stored nodes.
 */

/** The audit path of leaf m in the tree of the first n leaves (0 ≤ m < n). */
export function inclusionRanges(m: number, n: number): LeafRange[] {
  const path: LeafRange[] = [];
  let start = 0;
  let end = n;
  const above: LeafRange[] = [];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (m < start + k) {
      above.push({ start: start + k, end });
      end = start + k;
    } else {
      above.push({ start, end: start + k });
      start += k;
    }
  }
  // PATH lists the deepest sibling first.
  for (let i = above.length - 1; i >= 0; i--) path.push(above[i]!);
  return path;
}

/** The consistency proof between the trees of the first m and the first n leaves (0 < m ≤ n). */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  const above: LeafRange[] = [];
  let start = 0;
  let end = n;
  let whole = true;
  while (m !== end) {
    const k = splitPoint(end - start);
    if (m <= start + k) {
      above.push({ start: start + k, end });
      end = start + k;
    } else {
      above.push({ start, end: start + k });
      start += k;
      whole = false;
    }
  }
  // SUBPROOF(m, D[m], false) = {MTH(D[m])}: the old tree's own subtree starts the proof.
  const proof: LeafRange[] = whole ? [] : [{ start, end }];
  for (let i = above.length - 1; i >= 0; i--) proof.push(above[i]!);
  return proof;
}

/** A stored node: the hash of leaves [idx·2^level, (idx+1)·2^level). */
export interface NodeId {
  level: number;
  idx: number;
}

/**
 * The complete subtrees whose hashes make MTH(D[start:end]), largest first. Every range a proof asks
 * for starts at a multiple of its split point, so at most log2(end - start) + 1 nodes.
 */
export function completeNodes({ start, end }: LeafRange): NodeId[] {
  const nodes: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    nodes.push({ level: Math.log2(size), idx: at / size });
    at += size;
  }
  return nodes;
}
