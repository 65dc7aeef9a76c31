import { createPublicKey, verify } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import canonicalize from "canonicalize";
import type { Db } from "../db";
import { readByType } from "../eventstore";
import type { SignedCheckpoint } from "./checkpoints/checkpoint";
import { checkpointsAfter } from "./checkpoints/checkpoint-store";
import { publicKeys } from "./checkpoints/signing-key";
import { witnessFolder } from "./checkpoints/witness-folder";
import { leafBytes } from "./merkle/leaf";
import { EMPTY_ROOT, leafHash, nodeHash } from "./merkle/tree-hash";
import { sealedEvents } from "./sealed-events";

/**
 * What the chain walk alone cannot see (README, "Integrity check"): rebuilds the project's Merkle root from
 * the stored events and salts and holds it against every stored checkpoint and every checkpoint in the
 * witness folder (each signature checked), and checks that the lastHash of every ExportGenerated event is
 * still a link of the chain. Deleting the newest events, or rewriting history consistently behind the
 * triggers, shows up against any checkpoint or export held outside the database. Returns the problems found.
 */
export async function checkProofs(db: Db, projectId: string): Promise<string[]> {
  const problems: string[] = [];
  const keys = new Map((await publicKeys(db)).map((k) => [k.fingerprint, createPublicKey(k.publicKey)]));
  const checkpoints = new Map<number, { checkpoint: SignedCheckpoint; where: string }[]>();
  const hold = (checkpoint: SignedCheckpoint, where: string) => {
    const { signature, ...statement } = checkpoint;
    const key = keys.get(checkpoint.keyFingerprint);
    if (checkpoint.projectId !== projectId) return problems.push(`${where} is of another project`);
    if (!key || !verify(null, Buffer.from(canonicalize(statement)!, "utf8"), key, Buffer.from(signature, "base64"))) {
      return problems.push(`${where} does not carry a valid signature of an installation key`);
    }
    checkpoints.set(checkpoint.treeSize, [...(checkpoints.get(checkpoint.treeSize) ?? []), { checkpoint, where }]);
  };
  for (let after = 0; ; ) {
    const page = await checkpointsAfter(db, projectId, after, 1000);
    if (page.length === 0) break;
    for (const checkpoint of page) hold(checkpoint, `stored checkpoint of ${checkpoint.treeSize} events`);
    after = page.at(-1)!.treeSize;
  }
  const folder = witnessFolder();
  if (folder) {
    const files = await readdir(path.join(folder, projectId)).catch(() => [] as string[]);
    for (const file of files.filter((f) => f.endsWith(".json"))) {
      const where = `witness file ${file}`;
      try {
        hold(JSON.parse(await readFile(path.join(folder, projectId, file), "utf8")) as SignedCheckpoint, where);
      } catch {
        problems.push(`${where} cannot be read`);
      }
    }
  }
  const exports = (await readByType(db, "ExportGenerated")).filter((e) => e.projectId === projectId);
  const exportAt = new Map<number, { lastHash: string; eventId: string }[]>();
  for (const e of exports) {
    const { lastPosition, lastHash } = e.payload as { lastPosition: number | null; lastHash: string };
    if (lastPosition !== null) exportAt.set(lastPosition, [...(exportAt.get(lastPosition) ?? []), { lastHash, eventId: e.eventId }]);
  }

  const stack: { size: number; hash: Buffer }[] = [];
  let size = 0;
  const root = () => (stack.length ? stack.map((n) => n.hash).reduceRight((right, left) => nodeHash(left, right)) : EMPTY_ROOT);
  const compare = () => {
    for (const { checkpoint, where } of checkpoints.get(size) ?? []) {
      if (checkpoint.rootHash !== root().toString("hex")) problems.push(`${where}: the stored events no longer make its root`);
    }
    checkpoints.delete(size);
  };
  compare();
  for await (const batch of sealedEvents(db, projectId, { after: 0 })) {
    for (const link of batch) {
      for (const exported of exportAt.get(link.envelope.position) ?? []) {
        if (exported.lastHash !== link.hash) problems.push(`export ${exported.eventId}: its lastHash is no longer the chain's link at position ${link.envelope.position}`);
      }
      exportAt.delete(link.envelope.position);
      if (link.salt === null) {
        problems.push(`chain record ${link.chainIndex} has no leaf salt: its leaf cannot be rebuilt`);
        return problems;
      }
      let node = { size: 1, hash: leafHash(leafBytes(link.envelope, link.salt)) };
      while (stack.length > 0 && stack[stack.length - 1]!.size === node.size) {
        const left = stack.pop()!;
        node = { size: node.size * 2, hash: nodeHash(left.hash, node.hash) };
      }
      stack.push(node);
      size += 1;
      compare();
    }
  }
  for (const [treeSize, held] of checkpoints) {
    for (const { where } of held) problems.push(`${where}: the log holds only ${size} events, ${treeSize - size} were removed`);
  }
  for (const [position, held] of exportAt) {
    for (const e of held) problems.push(`export ${e.eventId}: its last event (position ${position}) is no longer in the chain`);
  }
  return problems;
}
