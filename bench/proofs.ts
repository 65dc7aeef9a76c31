/**
 * Merkle proofs at scale (README, "Merkle tree and signed checkpoints"): inclusion and consistency proofs
 * of a generated project history, and what signing checkpoints costs next to appending, in the same run.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { consistencyProof, sealCommitted } from "../server/audit";
import { storeCheckpoint } from "../server/audit/checkpoints/checkpoint-store";
import { CHECKPOINT_EVERY, checkpointNow } from "../server/audit/sealer";
import { inclusionProof } from "../server/audit/merkle/proofs";
import { getPool } from "../server/db";
import { appendToStream } from "../server/eventstore";
import { logHistory, logSize } from "./log-history";
import type { Section } from "./report";
import { ms, summarize, timed } from "./stats";

const SAMPLES = 300;
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const random = (below: number) => Math.floor(Math.random() * below);

/** Appends `total` one-event commands with 8 writers; returns events per second. */
async function appendRate(projectId: string, total: number): Promise<number> {
  const app = getPool();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < total) {
        next += 1;
        await appendToStream(app, {
          aggregateType: "task",
          aggregateId: randomUUID(),
          projectId,
          expectedVersion: 0,
          events: [{ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload: { title: "bench" } }],
          metadata: { userId: "bench", correlationId: randomUUID(), causationId: randomUUID() },
        });
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export async function proofsBench(pool: pg.Pool): Promise<Section[]> {
  const history = await logHistory(pool);
  const app = getPool();
  const sealStarted = performance.now();
  await sealCommitted(app, { timeoutMs: 3_600_000 });
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  const size = (await checkpointNow(app, history.projectId)).treeSize;

  const inclusion: number[] = [];
  const consistency: number[] = [];
  let longest = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const leaf = random(size);
    const { ms: a, value: path } = await timed(() => inclusionProof(app, history.projectId, leaf, size));
    inclusion.push(a);
    const from = 1 + random(size - 1);
    const { ms: b, value: proof } = await timed(() => consistencyProof(app, history.projectId, from, size));
    consistency.push(b);
    longest = Math.max(longest, path.length, proof.length);
  }
  const inc = summarize(inclusion);
  const con = summarize(consistency);

  // Checkpointing next to appending: events/s of 8 writers, and the time one checkpoint (root from the
  // stored nodes, Ed25519 signature, insert) takes at this tree size, both measured here.
  const rate = await appendRate(history.projectId, 5_000);
  await sealCommitted(app, { timeoutMs: 600_000 });
  const grown = (await checkpointNow(app, history.projectId)).treeSize;
  const signing: number[] = [];
  for (let i = 1; i <= 50; i++) {
    const client = await app.connect();
    try {
      await client.query("BEGIN");
      signing.push((await timed(() => storeCheckpoint(client, history.projectId, grown - i))).ms);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }
  const sign = summarize(signing);
  const share = (sign.p50 / 1000) * (rate / CHECKPOINT_EVERY);

  const table = [
    "| proof | samples | p50 ms | p95 ms | p99 ms | max hashes |",
    "|---|---|---|---|---|---|",
    `| inclusion (receipt path) | ${SAMPLES} | ${ms(inc.p50)} | ${ms(inc.p95)} | ${ms(inc.p99)} | ${longest} |`,
    `| consistency (random size → ${thousands(size)}) | ${SAMPLES} | ${ms(con.p50)} | ${ms(con.p95)} | ${ms(con.p99)} | ${longest} |`,
  ];
  console.log(table.join("\n"));
  return [
    {
      title: logSize("Merkle proofs and checkpoints"),
      body: `\`bench/proofs.ts\`: a generated project history of ${thousands(history.events)} events (100,000 by default, 1,000,000 with
\`BENCH_FULL=1\`), sealed with its Merkle tree by the sealer (${sealSeconds.toFixed(1)} s, ${thousands(history.events / sealSeconds)} events/s: chain
links, leaves, salts and every complete subtree). ${SAMPLES} inclusion proofs of random leaves and ${SAMPLES} consistency proofs from a
random size, each against the tree of ${thousands(size)} leaves, as the HTTP routes compute them (one query of O(log n) node rows).

${table.join("\n")}

Checkpointing, same run: 8 writers appended ${thousands(rate)} events/s (one-event commands); one checkpoint at this tree size
(root from the stored nodes, Ed25519 signature, insert) took p50 ${ms(sign.p50)} ms, p95 ${ms(sign.p95)} ms. The sealer signs one per
${thousands(CHECKPOINT_EVERY)} leaves, off the append path, so at that append rate checkpointing takes ${(share * 100).toFixed(2)} % of one
core's time (computed from the two measurements, not an A/B run of appends with and without the sealer).
`,
    },
  ];
}
