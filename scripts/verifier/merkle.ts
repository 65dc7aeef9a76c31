import { createHash } from "node:crypto";

/*
 * RFC 9162 §2.1 as a verifier needs it, written apart from the app (this folder imports nothing of it):
 * leaf hash SHA-256(0x00 ‖ leaf), node hash SHA-256(0x01 ‖ left ‖ right), and the verification algorithms
 * of §2.1.3.2 (inclusion) and §2.1.4.2 (consistency). Hashes are Buffers; sizes are BigInts.
 */

export const emptyRoot = (): Buffer => createHash("sha256").digest();
export const leafHash = (leaf: Buffer): Buffer => createHash("sha256").update(Buffer.of(0)).update(leaf).digest();
export const nodeHash = (l: Buffer, r: Buffer): Buffer => createHash("sha256").update(Buffer.of(1)).update(l).update(r).digest();

const lsb = (n: bigint) => (n & 1n) === 1n;

/** §2.1.3.2: does `path` prove that the leaf with hash `leaf` is leaf `index` of the tree (`size`, `root`)? */
export function verifyInclusion(index: bigint, size: bigint, leaf: Buffer, path: Buffer[], root: Buffer): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if (lsb(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && r.equals(root);
}

/** §2.1.4.2: does `proof` show that the tree (`first`, `firstRoot`) is a prefix of (`second`, `secondRoot`)? */
export function verifyConsistency(first: bigint, second: bigint, firstRoot: Buffer, secondRoot: Buffer, proof: Buffer[]): boolean {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0n) return proof.length === 0 && firstRoot.equals(emptyRoot());
  if (proof.length === 0) return false;
  const path = (first & (first - 1n)) === 0n ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while (lsb(fn)) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0n;
}

/**
 * Builds roots leaf by leaf (the compact range of RFC 9162's tree: one hash per complete subtree on the
 * right edge), so a verifier can hash any number of leaves in O(log n) memory.
 */
export class TreeBuilder {
  private readonly stack: { size: bigint; hash: Buffer }[] = [];
  size = 0n;

  /** Starts from the complete subtrees of an existing tree, largest first (an export's leftEdge). */
  static fromEdge(size: bigint, edge: Buffer[]): TreeBuilder | null {
    const builder = new TreeBuilder();
    const sizes: bigint[] = [];
    for (let bit = 62n; bit >= 0n; bit--) if ((size >> bit) & 1n) sizes.push(1n << bit);
    if (sizes.length !== edge.length) return null;
    sizes.forEach((s, i) => builder.stack.push({ size: s, hash: edge[i]! }));
    builder.size = size;
    return builder;
  }

  push(leaf: Buffer) {
    let node = { size: 1n, hash: leafHash(leaf) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { size: node.size * 2n, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += 1n;
  }

  /** Appends complete subtrees given by hash (an export's rightEdge), each of the size the tree needs next. */
  pushSubtree(size: bigint, hash: Buffer) {
    let node = { size, hash };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { size: node.size * 2n, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.size += size;
  }

  root(): Buffer {
    if (this.stack.length === 0) return emptyRoot();
    return this.stack.map((n) => n.hash).reduceRight((right, left) => nodeHash(left, right));
  }
}
