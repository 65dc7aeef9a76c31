import { createHash } from "node:crypto";

/*
 * RFC 9162 §2.1.1: MTH({}) = SHA-256(), a leaf's hash SHA-256(0x00 ‖ leaf), an inner node's
 * SHA-256(0x01 ‖ left ‖ right); a tree of n > 1 leaves splits at k, the largest power of two below n.
 */

export const EMPTY_ROOT = createHash("sha256").digest();

export function leafHash(leaf: Buffer): Buffer {
  return createHash("sha256").update(Buffer.of(0)).update(leaf).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash("sha256").update(Buffer.of(1)).update(left).update(right).digest();
}

/** The largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
