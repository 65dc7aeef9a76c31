/**
 * Seals a COPY-loaded history in bulk: the chain links, leaf salts and every complete Merkle subtree the
 * sealer (server/audit/sealer.ts) would have written, computed with the app's own hash functions and
 * loaded with COPY, where the sealer's 1,000-event transactions would take most of a full-size run.
 * Only for a database whose log holds this one project, none of it sealed yet.
 */
import type pg from "pg";
import { auditEnvelope, chainHash, GENESIS_HASH } from "../server/audit/chain-hash";
import { leafBytes, newSalt } from "../server/audit/merkle/leaf";
import { leafHash, nodeHash } from "../server/audit/merkle/tree-hash";
import { FEED_START, checkpointOf, preciseTimestamps, readFeed } from "../server/eventstore";
import { copyLines } from "./copy-events";

const READ_BATCH = 20_000;
const HASH = 32;

/** Each level of the tree over these leaf hashes (32 bytes each, concatenated), leaves first. */
function levels(leaves: Buffer): Buffer[] {
  const all = [leaves];
  for (let level = leaves; level.length >= 2 * HASH; ) {
    const count = Math.floor(level.length / HASH / 2);
    const up = Buffer.alloc(count * HASH);
    for (let i = 0; i < count; i++) {
      const left = level.subarray(2 * i * HASH, (2 * i + 1) * HASH);
      const right = level.subarray((2 * i + 1) * HASH, (2 * i + 2) * HASH);
      nodeHash(left, right).copy(up, i * HASH);
    }
    all.push(up);
    level = up;
  }
  return all;
}

/** Seals the project's `events` events (all the log holds); returns the tree's size. */
export async function sealHistory(pool: pg.Pool, projectId: string, events: number): Promise<number> {
  const leaves = Buffer.alloc(events * HASH);
  let prevHash = GENESIS_HASH;
  let index = 0;
  for (let after = FEED_START; ; ) {
    const batch = await readFeed(pool, after, READ_BATCH);
    if (batch.length === 0) break;
    after = checkpointOf(batch.at(-1)!);
    const timestamps = await preciseTimestamps(pool, batch.map((e) => e.position));
    const links: string[] = [];
    const salts: string[] = [];
    for (const event of batch) {
      if (event.projectId !== projectId) throw new Error(`Event ${event.position} is of another project: seal with the sealer`);
      const envelope = auditEnvelope(event, timestamps.get(event.position)!);
      const hash = chainHash(prevHash, envelope);
      const salt = newSalt();
      leafHash(leafBytes(envelope, salt)).copy(leaves, index * HASH);
      index += 1;
      links.push([event.position, projectId, event.transactionId, index, prevHash, hash].join("\t"));
      salts.push(`${event.position}\t${salt}`);
      prevHash = hash;
    }
    await copyLines(pool, `COPY event_hashes (position, project_id, transaction_id, chain_index, prev_hash, hash) FROM STDIN`, links);
    await copyLines(pool, `COPY leaf_salts (position, salt) FROM STDIN`, salts);
  }
  if (index !== events) throw new Error(`The log holds ${index} events, not ${events}`);

  function* nodes() {
    for (const [level, hashes] of levels(leaves).entries()) {
      for (let idx = 0; idx * HASH < hashes.length; idx++) {
        // bytea in COPY's text format: \x and hex, the backslash itself escaped.
        yield `${projectId}\t${level}\t${idx}\t\\\\x${hashes.subarray(idx * HASH, (idx + 1) * HASH).toString("hex")}`;
      }
    }
  }
  await copyLines(pool, `COPY merkle_nodes (project_id, level, idx, hash) FROM STDIN`, nodes());
  await pool.query(`INSERT INTO merkle_trees (project_id, size) VALUES ($1, $2)`, [projectId, index]);
  await pool.query(`ANALYZE event_hashes; ANALYZE leaf_salts; ANALYZE merkle_nodes`);
  return index;
}
