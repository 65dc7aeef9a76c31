import type { Db } from "../../db";
import { consistencyRanges, inclusionRanges } from "./proof-ranges";
import { subtreeHashes } from "./tree-store";

/** The root of a project's tree of its first `size` leaves, in hex. */
export async function treeRoot(db: Db, projectId: string, size: number): Promise<string> {
  const [root] = await subtreeHashes(db, projectId, [{ start: 0, end: size }]);
  return root!.toString("hex");
}

/** RFC 9162 §2.1.3.1: the audit path of leaf `leafIndex` in the tree of `treeSize` leaves, in hex. */
export async function inclusionProof(db: Db, projectId: string, leafIndex: number, treeSize: number): Promise<string[]> {
  const hashes = await subtreeHashes(db, projectId, inclusionRanges(leafIndex, treeSize));
  return hashes.map((h) => h.toString("hex"));
}

/** RFC 9162 §2.1.4.1: the proof that the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export async function consistencyProof(db: Db, projectId: string, from: number, to: number): Promise<string[]> {
  if (from === 0 || from === to) return [];
  const hashes = await subtreeHashes(db, projectId, consistencyRanges(from, to));
  return hashes.map((h) => h.toString("hex"));
}
