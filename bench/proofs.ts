/**
 * Merkle proofs at scale (README, "Merkle tree and signed checkpoints"): inclusion and consistency proofs
 * of a generated project history, and what checkpointing costs appends: alternating rounds of appends in
 * the same run with the app's background sealer signing checkpoints, sealing without them, and not running.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { consistencyProof, sealCommitted } from "../server/audit";
import { startBackgroundSealer } from "../server/audit/background-sealer";
import { storeCheckpoint } from "../server/audit/checkpoints/checkpoint-store";
import { CHECKPOINT_EVERY, checkpointNow } from "../server/audit/sealer";
import { inclusionProof } from "../server/audit/merkle/proofs";
import { getPool } from "../server/db";
import { appendToStream } from "../server/eventstore";
import { logHistory, logSize } from "./log-history";
import type { Section } from "./report";
import { sealHistory } from "./seal-history";
import { ms, summarize, timed } from "./stats";

const SAMPLES = 300;
/**
 * Appends per counted round. Rounds without the sealer (off), with it sealing but signing no checkpoints
 * (seal), and with it as the app runs it (on), in mirrored order against drift.
 */
const ROUND_EVENTS = 4_000;
const ROUNDS = ["off", "seal", "on", "on", "seal", "off", "off", "seal", "on", "on", "seal", "off"] as const;
type Mode = (typeof ROUNDS)[number];
const thousands = (n: number) => Math.round(n).toLocaleString("en-US");
const random = (below: number) => Math.floor(Math.random() * below);

/** Appends `total` one-event commands with 8 writers; returns the seconds it took. */
async function appendFor(projectId: string, total: number): Promise<number> {
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
  return (performance.now() - started) / 1000;
}

/**
 * One round of appends in one mode. After it, not counted, everything appended is sealed and checkpointed,
 * so each round starts with the chain, tree and newest checkpoint at the head of the log. Returns the
 * round's seconds and the events still unsealed when its appends ended.
 */
async function round(projectId: string, mode: Mode, events: number) {
  const app = getPool();
  const stop = new AbortController();
  if (mode !== "off") startBackgroundSealer(stop.signal, { checkpoints: mode === "on" });
  const seconds = await appendFor(projectId, events);
  stop.abort();
  const { rows } = await app.query<{ behind: string }>(
    `SELECT count(*) AS behind FROM events WHERE position > (SELECT max(position) FROM event_hashes)`,
  );
  await sealCommitted(app, { timeoutMs: 600_000 });
  await checkpointNow(app, projectId);
  return { seconds, behind: Number(rows[0]!.behind) };
}

export async function proofsBench(pool: pg.Pool): Promise<Section[]> {
  const history = await logHistory(pool);
  const app = getPool();
  const sealStarted = performance.now();
  await sealHistory(pool, history.projectId, history.events);
  const sealSeconds = (performance.now() - sealStarted) / 1000;
  const size = (await checkpointNow(app, history.projectId)).treeSize;
  console.log(`sealed ${thousands(size)} events in ${sealSeconds.toFixed(1)} s`);

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
  const table = [
    "| proof | samples | p50 ms | p95 ms | p99 ms | max hashes |",
    "|---|---|---|---|---|---|",
    `| inclusion (receipt path) | ${SAMPLES} | ${ms(inc.p50)} | ${ms(inc.p95)} | ${ms(inc.p99)} | ${longest} |`,
    `| consistency (random size → ${thousands(size)}) | ${SAMPLES} | ${ms(con.p50)} | ${ms(con.p95)} | ${ms(con.p99)} | ${longest} |`,
  ];
  console.log(table.join("\n"));

  // Appends in each mode, same writers, alternating; one warm-up round of each first, not counted.
  for (const mode of ["off", "seal", "on"] as const) await round(history.projectId, mode, ROUND_EVENTS / 4);
  const rounds: { mode: Mode; seconds: number; behind: number; rate: number }[] = [];
  for (const mode of ROUNDS) {
    const r = await round(history.projectId, mode, ROUND_EVENTS);
    rounds.push({ mode, ...r, rate: ROUND_EVENTS / r.seconds });
    console.log(`${mode}: ${thousands(ROUND_EVENTS / r.seconds)} events/s, ${r.behind} unsealed at the end`);
  }
  const rate = (mode: Mode) => {
    const of = rounds.filter((r) => r.mode === mode);
    return (of.length * ROUND_EVENTS) / of.reduce((sum, r) => sum + r.seconds, 0);
  };
  const cost = (mode: Mode, base: Mode) => `${((1 - rate(mode) / rate(base)) * 100).toFixed(1)} %`;
  const behind = (mode: Mode) => thousands(Math.max(...rounds.filter((r) => r.mode === mode).map((r) => r.behind)));
  const grown = (await checkpointNow(app, history.projectId)).treeSize;

  // One checkpoint at this tree size on its own: root from the stored nodes, Ed25519 signature, insert.
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
  const perRound = rounds.map((r) => `${r.mode} ${thousands(r.rate)}`).join(", ");

  return [
    {
      title: logSize("Merkle proofs and checkpoints"),
      body: `\`bench/proofs.ts\`: a generated project history of ${thousands(history.events)} events (100,000 by default, 1,000,000 with
\`BENCH_FULL=1\`), COPY-loaded, then sealed in bulk by \`bench/seal-history.ts\` (${sealSeconds.toFixed(1)} s: chain links, leaf salts and
every complete subtree, computed with the app's hash functions and COPY-loaded) and checkpointed by the app. ${SAMPLES} inclusion
proofs of random leaves and ${SAMPLES} consistency proofs from a random size, each against the tree of ${thousands(size)} leaves, as
the HTTP routes compute them (one query of O(log n) node rows).

${table.join("\n")}

Checkpointing, A/B in the same run: 8 writers appended one-event commands in ${ROUNDS.length} rounds of ${thousands(ROUND_EVENTS)}
(after one warm-up round of each kind, not counted), in the order ${ROUNDS.join(", ")}: without the background sealer (off), with
the app's background sealer in the same process sealing (chain links, Merkle leaves and subtrees) but signing no checkpoints
(seal), and with it as the app runs it, also signing a checkpoint every ${thousands(CHECKPOINT_EVERY)} leaves (on). Between rounds, outside the
count, everything was sealed and checkpointed. Rounds (events/s): ${perRound}.

| mode | events/s | unsealed at a round's end (max) |
|---|---|---|
| off | ${thousands(rate("off"))} | – |
| seal | ${thousands(rate("seal"))} | ${behind("seal")} |
| on | ${thousands(rate("on"))} | ${behind("on")} |

Checkpointing (on against seal) cost ${cost("on", "seal")} of append throughput; the whole sealer with checkpoints (on against off)
${cost("on", "off")}. One checkpoint on its own at
${thousands(grown)} leaves (root from the stored nodes, Ed25519 signature, insert) took p50 ${ms(sign.p50)} ms, p95 ${ms(sign.p95)} ms.
`,
    },
  ];
}
