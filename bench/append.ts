/**
 * Append throughput and latency against a raw INSERT of identical rows into an identical table, in the
 * same run on the same server. Run through `npm run bench` (a fresh database; results to BENCHMARKS.md).
 *
 *   BENCH_SECONDS=5 (per scenario)  BENCH_FULL=1 (adds 32 writers)
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { appendToStream } from "../server/eventstore";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const writerCounts = process.env.BENCH_FULL ? [1, 8, 32] : [1, 8];
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 40 });

const payload = { title: "Benchmark task renamed to something of a realistic length" };
const metadata = () => ({ userId: "bench-user", correlationId: randomUUID(), causationId: randomUUID() });
const newEvents = (n: number) =>
  Array.from({ length: n }, () => ({ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload }));

type Op = (writer: number) => () => Promise<void>;

/** Each writer appends to its own streams, one command after another, for the given time. */
const appendOp =
  (perCommand: number): Op =>
  () => {
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
  () => {
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

async function run(op: Op, writers: number, perCommand: number) {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const next = op(w);
      while (performance.now() < deadline) {
        const t = performance.now();
        await next();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { eventsPerSec: (latencies.length * perCommand) / elapsed, p50: q(0.5), p99: q(0.99) };
}

async function main() {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw_events (LIKE events INCLUDING ALL)`);
  const lines = [
    "| writers | events per command | event store: events/s | p50 ms | p99 ms | raw INSERT: events/s | p50 ms | p99 ms | store / raw |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const perCommand of [1, 10]) {
    for (const writers of writerCounts) {
      const store = await run(appendOp(perCommand), writers, perCommand);
      const raw = await run(rawOp(perCommand), writers, perCommand);
      const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
      lines.push(
        `| ${writers} | ${perCommand} | ${f(store.eventsPerSec)} | ${f(store.p50)} | ${f(store.p99)} | ${f(raw.eventsPerSec)} | ${f(raw.p50)} | ${f(raw.p99)} | ${((100 * store.eventsPerSec) / raw.eventsPerSec).toFixed(0)} % |`,
      );
      console.log(lines.at(-1));
    }
  }
  const { rows } = await pool.query<{ version: string }>("SHOW server_version");
  const report = `# Benchmarks

Produced by \`npm run bench\` (${seconds} s per scenario${process.env.BENCH_FULL ? ", full size" : ""}) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version},
PostgreSQL ${rows[0]!.version} (${process.env.DATABASE_URL?.includes(":54330/") ? "embedded" : "the server in DATABASE_URL"}), fsync on.

## Append throughput and latency

Each writer appends commands to its own streams with an expected version (the event store's
\`appendToStream\`: version check, idempotency check and insert in one statement). The raw baseline inserts
identical rows with one plain multi-row \`INSERT\` per command into \`bench_raw_events\`, a copy of the
events table with the same indexes (\`CREATE TABLE … (LIKE events INCLUDING ALL)\`), in the same run.

${lines.join("\n")}
`;
  writeFileSync("BENCHMARKS.md", report);
  console.log("Wrote BENCHMARKS.md");
  await pool.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
