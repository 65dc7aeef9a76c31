/**
 * Append throughput and latency against a raw INSERT of identical rows into an identical table, in the
 * same run on the same server. Run by bench/run.ts (`npm run bench`).
 *
 *   BENCH_SECONDS=5 (per round and side)  BENCH_FULL=1 (adds 32 writers)
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appendToStream } from "../server/eventstore";
import type { Section } from "./report";
import { ms, quantile } from "./stats";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const writerCounts = process.env.BENCH_FULL ? [1, 8, 32] : [1, 8];

const payload = { title: "Benchmark task renamed to something of a realistic length" };
const metadata = () => ({ userId: "bench-user", correlationId: randomUUID(), causationId: randomUUID() });
const newEvents = (n: number) =>
  Array.from({ length: n }, () => ({ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload }));

type Op = (pool: pg.Pool) => () => Promise<void>;

/** Each writer appends to its own streams, one command after another, for the given time. */
const appendOp =
  (perCommand: number): Op =>
  (pool) => {
    let stream = { aggregateType: "task", aggregateId: randomUUID(), projectId: randomUUID() };
    let version = 0;
    return async () => {
      if (version >= 50) {
        stream = { aggregateType: "task", aggregateId: randomUUID(), projectId: randomUUID() };
        version = 0;
      }
      const r = await appendToStream(pool, { ...stream, expectedVersion: version, events: newEvents(perCommand), metadata: metadata() });
      version = r.version;
    };
  };

/** The same rows, written by one plain multi-row INSERT per command into a copy of the table. */
const rawOp =
  (perCommand: number): Op =>
  (pool) => {
    const aggregateId = randomUUID();
    const projectId = randomUUID();
    let version = 0;
    return async () => {
      const rows = newEvents(perCommand);
      const params: unknown[] = [];
      const values = rows.map((e, i) => {
        params.push(e.eventId, e.eventType, aggregateId, ++version, projectId, JSON.stringify(e.payload), JSON.stringify(metadata()));
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, 1, 'task', $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await pool.query(
        `INSERT INTO bench_raw_events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata) VALUES ${values.join(",")}`,
        params,
      );
    };
  };

async function run(pool: pg.Pool, op: Op, writers: number, perCommand: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const next = op(pool);
      while (performance.now() < deadline) {
        const t = performance.now();
        await next();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { eventsPerSec: (latencies.length * perCommand) / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

const ROUNDS = 3;

/** The round with the median throughput. */
function median<T extends { eventsPerSec: number }>(results: T[]): T {
  return [...results].sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor(results.length / 2)]!;
}

export async function appendBench(pool: pg.Pool): Promise<Section[]> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw_events (LIKE events INCLUDING ALL)`);
  const lines = [
    "| writers | events per command | event store: events/s | p50 ms | p99 ms | raw INSERT: events/s | p50 ms | p99 ms | store / raw |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const perCommand of [1, 10]) {
    for (const writers of writerCounts) {
      // Alternating rounds, medians reported, so background load hits both sides alike.
      const stores = [];
      const raws = [];
      for (let round = 0; round < ROUNDS; round++) {
        stores.push(await run(pool, appendOp(perCommand), writers, perCommand));
        raws.push(await run(pool, rawOp(perCommand), writers, perCommand));
      }
      const store = median(stores);
      const raw = median(raws);
      lines.push(
        `| ${writers} | ${perCommand} | ${store.eventsPerSec.toFixed(0)} | ${ms(store.p50)} | ${ms(store.p99)} | ${raw.eventsPerSec.toFixed(0)} | ${ms(raw.p50)} | ${ms(raw.p99)} | ${((100 * store.eventsPerSec) / raw.eventsPerSec).toFixed(0)} % |`,
      );
      console.log(lines.at(-1));
    }
  }
  return [
    {
      title: "Append throughput and latency",
      body: `${ROUNDS} alternating rounds of ${seconds} s per side and scenario; the round with the median throughput is shown.
Each writer appends commands to its own streams with an expected version (the event store's
\`appendToStream\`: version check, idempotency check and insert in one statement). The raw baseline inserts
identical rows with one plain multi-row \`INSERT\` per command into \`bench_raw_events\`, a copy of the
events table with the same indexes (\`CREATE TABLE … (LIKE events INCLUDING ALL)\`), in the same run.

${lines.join("\n")}
`,
    },
  ];
}
