import { createHash, type KeyObject, verify } from "node:crypto";
import canonicalize from "canonicalize";
import { isSha256Hex } from "./chain";
import { type Checkpoint, checkCheckpoint } from "./checkpoint";
import { TreeBuilder, verifyConsistency } from "./merkle";

/** The manifest's `tree` member: how the records sit in the project's signed Merkle tree. */
export interface TreeProof {
  firstLeafIndex: number;
  leftEdge: string[];
  rightEdge: string[];
  checkpoint: Checkpoint;
  checkpointBeforeRange: Checkpoint | null;
  consistencyFromBeforeRange: string[];
  previousExport: { exportEventId: string; checkpoint: Checkpoint; consistencyProof: string[] } | null;
}

/** The leaf of a record: its envelope with the payload replaced by SHA-256(salt ‖ JCS(payload)), in JCS form. */
export function leafOf(envelope: Record<string, unknown>, salt: string): Buffer {
  const { payload, ...rest } = envelope;
  const payloadDigest = createHash("sha256").update(Buffer.from(salt, "hex")).update(canonicalize(payload)!, "utf8").digest("hex");
  return Buffer.from(canonicalize({ ...rest, payloadDigest })!, "utf8");
}

export const isSalt = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f]{32}$/.test(value);

const hashes = (list: unknown): Buffer[] | null =>
  Array.isArray(list) && list.every(isSha256Hex) ? list.map((h) => Buffer.from(h, "hex")) : null;

/** The sizes of the complete subtrees that cover leaves [start, end), in leaf order (RFC 9162's split). */
function subtreeSizes(start: bigint, end: bigint): bigint[] {
  const sizes: bigint[] = [];
  let at = start;
  while (at < end) {
    let size = 1n;
    while (at % (size * 2n) === 0n && at + size * 2n <= end) size *= 2n;
    sizes.push(size);
    at += size;
  }
  return sizes;
}

/** A tree builder positioned after the leaves before the range, or why the manifest's tree member is unusable. */
export function startTree(tree: TreeProof): TreeBuilder | string {
  if (!Number.isSafeInteger(tree?.firstLeafIndex) || tree.firstLeafIndex < 0) return "manifest.json tree.firstLeafIndex is missing or malformed";
  const left = hashes(tree.leftEdge);
  const builder = left && TreeBuilder.fromEdge(BigInt(tree.firstLeafIndex), left);
  return builder ?? "manifest.json tree.leftEdge does not fit tree.firstLeafIndex";
}

/** Null when the records' leaves, with the edges, make the signed checkpoint's root and every proof holds. */
export function finishTree(builder: TreeBuilder, tree: TreeProof, keys: Map<string, KeyObject>, projectId: string): string | null {
  const problem = checkCheckpoint(tree.checkpoint, keys, projectId);
  if (problem) return `the end checkpoint ${problem}`;
  const size = BigInt(tree.checkpoint.treeSize);
  const right = hashes(tree.rightEdge);
  const sizes = subtreeSizes(builder.size, size);
  if (!right || right.length !== sizes.length) return "manifest.json tree.rightEdge does not fit the end checkpoint's size";
  sizes.forEach((s, i) => builder.pushSubtree(s, right[i]!));
  const root = builder.root();
  if (root.toString("hex") !== tree.checkpoint.rootHash) {
    return "the records do not make the Merkle root the end checkpoint signs: records were removed, added, reordered or changed";
  }
  for (const [name, earlier, proof] of [
    ["the checkpoint before the range", tree.checkpointBeforeRange, tree.consistencyFromBeforeRange],
    ["the previous export's checkpoint", tree.previousExport?.checkpoint ?? null, tree.previousExport?.consistencyProof],
  ] as const) {
    if (earlier === null) continue;
    const bad = checkCheckpoint(earlier, keys, projectId);
    if (bad) return `${name} ${bad}`;
    const path = hashes(proof);
    if (!path || !verifyConsistency(BigInt(earlier.treeSize), size, Buffer.from(earlier.rootHash, "hex"), root, path)) {
      return `the end checkpoint does not extend ${name} (its consistency proof fails)`;
    }
  }
  if (tree.checkpointBeforeRange && tree.checkpointBeforeRange.treeSize > tree.firstLeafIndex) {
    return "the checkpoint before the range is not before the range";
  }
  return null;
}

/** Null when `manifest` (parsed from its canonical text) carries a valid signature by a trusted key. */
export function checkManifestSignature(manifest: Record<string, unknown>, keys: Map<string, KeyObject>): string | null {
  const { signature, ...signed } = manifest;
  const key = typeof manifest.keyFingerprint === "string" ? keys.get(manifest.keyFingerprint) : undefined;
  if (!key) return `manifest.json is signed by key ${String(manifest.keyFingerprint)}, which is not one of the trusted keys`;
  if (typeof signature !== "string" || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return "manifest.json has no well-formed signature";
  return verify(null, Buffer.from(canonicalize(signed)!, "utf8"), key, Buffer.from(signature, "base64"))
    ? null
    : "manifest.json's signature does not verify: the manifest was changed or not signed by that key";
}
