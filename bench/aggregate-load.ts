/**
 * Loading a task aggregate the way handleCommand does (loadAggregate: process cache, else newest snapshot,
 * plus the events after it) for streams of 10 / 1,000 / 10,000 events, with and without a snapshot.
 * "Cold" empties the process cache before every load (a process that has not seen the stream); "warm"
 * repeats the load with the state cached, which only asks PostgreSQL for events after it (none).
 */
import type pg from "pg";
import { taskDecider } from "../server/domain";
import { backgroundWorkDone, loadAggregate, snapshotPolicy } from "../server/eventstore";
import { emptyStateCache } from "./cold-cache";
import { copyEvents } from "./copy-events";
import { eventRow, SimTask, Workspace } from "./history-events";
import type { Section } from "./report";
import { type Latencies, ms, summarize, timed } from "./stats";

const SIZES = [10, 1000, 10_000];
const COLD_LOADS = 30;
const WARM_LOADS = 100;
/** A stream is on average half a snapshot interval past its newest snapshot. */
const behind = () => Math.floor(snapshotPolicy.aggregateEvery / 2);

/** A task stream of n valid events spread over the past year, loaded with COPY. */
async function taskStream(pool: pg.Pool, n: number, snapshotAt: number | null) {
  const ws = new Workspace();
  const task = new SimTask(ws);
  const start = Date.now() - 365 * 24 * 3600 * 1000;
  const rows = Array.from({ length: n }, (_, i) => {
    const event = task.next();
    return eventRow(ws, { aggregateType: "task", aggregateId: task.id, version: task.version }, event, new Date(start + i * 60_000));
  });
  const stream = { aggregateType: "task", aggregateId: task.id };
  if (snapshotAt === null) {
    await copyEvents(pool, rows);
    return stream;
  }
  // The app's own policy takes the snapshot: a load past SNAPSHOT_EVERY events stores one after it answers.
  await copyEvents(pool, rows.slice(0, snapshotAt));
  await loadAggregate(pool, stream, taskDecider);
  await backgroundWorkDone();
  await copyEvents(pool, rows.slice(snapshotAt));
  return stream;
}

async function loads(pool: pg.Pool, stream: { aggregateType: string; aggregateId: string }, n: number, count: number, cold: boolean) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    if (cold) emptyStateCache();
    const { ms: took, value } = await timed(() => loadAggregate(pool, stream, taskDecider));
    if (value.version !== n) throw new Error(`loaded version ${value.version}, expected ${n}`);
    samples.push(took);
  }
  return summarize(samples);
}

export async function aggregateLoadBench(pool: pg.Pool): Promise<Section[]> {
  const cell = (l: Latencies | null) => (l ? `${ms(l.p50)} / ${ms(l.p95)}` : "— (no snapshot below SNAPSHOT_EVERY)");
  const lines: string[] = [];
  const baseline: number[] = [];
  for (const n of SIZES) {
    const plain = await taskStream(pool, n, null);
    const withSnapshot = n >= snapshotPolicy.aggregateEvery ? await taskStream(pool, n, n - behind()) : null;
    // Without snapshots means the policy must not take one during the measurement either.
    const every = snapshotPolicy.aggregateEvery;
    snapshotPolicy.aggregateEvery = Number.MAX_SAFE_INTEGER;
    const coldPlain = await loads(pool, plain, n, COLD_LOADS, true).finally(() => (snapshotPolicy.aggregateEvery = every));
    const coldSnap = withSnapshot && (await loads(pool, withSnapshot, n, COLD_LOADS, true));
    const warm = await loads(pool, withSnapshot ?? plain, n, WARM_LOADS, false);
    baseline.push((coldSnap ?? coldPlain).p50);
    const ratio = (baseline.at(-1)! / baseline[0]!).toFixed(1);
    lines.push(`| ${n.toLocaleString("en-US")} | ${cell(coldPlain)} | ${cell(coldSnap)} | ${cell(warm)} | ${ratio} × |`);
    console.log(lines.at(-1));
  }
  await backgroundWorkDone();
  return [
    {
      title: "Loading a task aggregate",
      body: `\`loadAggregate\` as \`handleCommand\` calls it, on one task stream per row of valid task events (COPY-loaded).
p50 / p95 in ms over ${COLD_LOADS} cold loads (process cache emptied before each: the newest snapshot and the events after it read from
PostgreSQL in one statement, and folded) and ${WARM_LOADS} warm loads (state cached in the process: one query for newer events).
With a snapshot, the newest one is ${behind()} events behind the head (half of \`SNAPSHOT_EVERY\` = ${snapshotPolicy.aggregateEvery}, taken by
the app's policy on a load); without, the policy is switched off for the measurement.

| events in stream | no snapshot, cold | with snapshot, cold | warm (cached state) | cold with snapshot vs 10 events (p50) |
|---|---|---|---|---|
${lines.join("\n")}
`,
    },
  ];
}
