/**
 * Append throughput and latency against (a) a raw INSERT of identical rows into an identical table and
 * (b) Emmett's PostgreSQL event store appending identical events, in the same run on the same server.
 * Run by bench/run.ts (`npm run bench`).
 *
 *   BENCH_SECONDS=3 (per round and side; 10 with BENCH_FULL=1)  BENCH_ROUNDS=3
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { getPostgreSQLEventStore, type PostgresEventStore } from "@event-driven-io/emmett-postgresql";
import type pg from "pg";
import { appendToStream } from "../server/eventstore";
import type { Section } from "./report";
import { ms, quantile } from "./stats";

// Its package.json is not among the package's exports: read the installed file.
const emmettVersion = (JSON.parse(readFileSync("node_modules/@event-driven-io/emmett-postgresql/package.json", "utf8")) as { version: string }).version;

const seconds = Number(process.env.BENCH_SECONDS ?? (process.env.BENCH_FULL ? 10 : 3));
const writerCounts = [1, 8, 32];

const payload = { title: "Benchmark task renamed to something of a realistic length" };
const metadata = () => ({ userId: "bench-user", correlationId: randomUUID(), causationId: randomUUID() });
const newEvents = (n: number) =>
  Array.from({ length: n }, () => ({ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload }));

export type Op = (pool: pg.Pool) => () => Promise<void>;

/** A writer's streams: 50 events each, then a new one (a new task in a new project). */
function streamsOfFifty() {
  let stream = { aggregateType: "task", aggregateId: randomUUID(), projectId: randomUUID() };
  let version = 0;
  /** The stream the next `events` go to, and the version it is at. */
  return (events: number) => {
    if (version >= 50) {
      stream = { aggregateType: "task", aggregateId: randomUUID(), projectId: randomUUID() };
      version = 0;
    }
    const at = { stream, version };
    version += events;
    return at;
  };
}

/** Each writer appends to its own streams, one command after another, for the given time. */
export const appendOp =
  (perCommand: number): Op =>
  (pool) => {
    const next = streamsOfFifty();
    return async () => {
      const { stream, version } = next(perCommand);
      await appendToStream(pool, { ...stream, expectedVersion: version, events: newEvents(perCommand), metadata: metadata() });
    };
  };

/** The same rows (same streams, versions and columns), written by one plain multi-row INSERT per command into a copy of the table. */
export const rawOp =
  (perCommand: number): Op =>
  (pool) => {
    const next = streamsOfFifty();
    return async () => {
      const { stream, version } = next(perCommand);
      const rows = newEvents(perCommand);
      const params: unknown[] = [];
      const values = rows.map((e, i) => {
        params.push(e.eventId, e.eventType, stream.aggregateId, version + i + 1, stream.projectId, JSON.stringify(e.payload), JSON.stringify(metadata()));
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, 1, 'task', $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await pool.query(
        `INSERT INTO bench_raw_events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata) VALUES ${values.join(",")}`,
        params,
      );
    };
  };

/** The same events through Emmett: its own streams, each command with the stream's expected version. */
const emmettOp =
  (store: PostgresEventStore, perCommand: number): Op =>
  () => {
    let stream = `task-${randomUUID()}`;
    let version = 0n;
    return async () => {
      if (version >= 50n) {
        stream = `task-${randomUUID()}`;
        version = 0n;
      }
      const events = newEvents(perCommand).map((e) => ({ type: e.eventType, data: e.payload, metadata: metadata() }));
      const r = await store.appendToStream(stream, events, { expectedStreamVersion: version });
      version = r.nextExpectedStreamVersion;
    };
  };

/** `writers` writers running `op` for the given time; with Node's CPU time (all its threads) per command. */
export async function run(pool: pg.Pool, op: Op, writers: number, perCommand: number, runSeconds = seconds) {
  const latencies: number[] = [];
  const deadline = performance.now() + runSeconds * 1000;
  const started = performance.now();
  const cpu = process.cpuUsage();
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
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSec: (latencies.length * perCommand) / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    nodeCpuPerCommand: (user + system) / latencies.length,
  };
}

type Result = Awaited<ReturnType<typeof run>>;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Seconds per side before the counted rounds of a scenario: JIT, each connection's prepared statements, caches. */
const WARM_UP_SECONDS = 1;

/** The round with the median throughput. */
function median<T extends { eventsPerSec: number }>(results: T[]): T {
  return [...results].sort((a, b) => a.eventsPerSec - b.eventsPerSec)[Math.floor(results.length / 2)]!;
}

/** The raw side's table: the events table's columns, defaults, checks and indexes (triggers fire on UPDATE/DELETE only). */
export async function createRawTable(pool: pg.Pool) {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw_events (LIKE events INCLUDING ALL)`);
}

export async function appendBench(pool: pg.Pool): Promise<Section[]> {
  await createRawTable(pool);
  // Emmett on the same pool (same connections, same server); its schema is created before any timing.
  const emmett = getPostgreSQLEventStore(process.env.DATABASE_URL!, { connectionOptions: { pool } });
  await emmett.schema.migrate();
  const lines = [
    "| writers | events per command | Chronoboard: events/s | p50 ms | p99 ms | raw INSERT: events/s | p50 ms | p99 ms | Emmett: events/s | p50 ms | p99 ms | Chronoboard / raw (rounds) | Chronoboard / Emmett | Node CPU µs per command: Chronoboard / raw |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const perCommand of [1, 10]) {
    for (const writers of writerCounts) {
      // Alternating rounds, medians reported, so background load hits both sides alike.
      const sides: Op[] = [appendOp(perCommand), rawOp(perCommand), emmettOp(emmett, perCommand)];
      const results: Result[][] = sides.map(() => []);
      for (const op of sides) await run(pool, op, writers, perCommand, WARM_UP_SECONDS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, op] of sides.entries()) results[i]!.push(await run(pool, op, writers, perCommand));
      }
      const [store, raw, peer] = results.map(median) as [Result, Result, Result];
      const cells = [store, raw, peer].map((r) => `${r.eventsPerSec.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)}`);
      const ratio = (other: Result) => `${((100 * store.eventsPerSec) / other.eventsPerSec).toFixed(0)} %`;
      // Each round's own ratio (the two sides ran back to back): how far the noise moves the figure.
      const perRound = results[0]!.map((r, i) => (100 * r.eventsPerSec) / results[1]![i]!.eventsPerSec).sort((a, b) => a - b);
      const spread = `${perRound[0]!.toFixed(0)}–${perRound.at(-1)!.toFixed(0)}`;
      const cpu = `${store.nodeCpuPerCommand.toFixed(0)} / ${raw.nodeCpuPerCommand.toFixed(0)}`;
      lines.push(`| ${writers} | ${perCommand} | ${cells.join(" | ")} | ${ratio(raw)} (${spread}) | ${ratio(peer)} | ${cpu} |`);
      console.log(lines.at(-1));
    }
  }
  return [
    {
      title: "Append throughput and latency",
      body: `${ROUNDS} alternating rounds of ${seconds} s per side and scenario, after ${WARM_UP_SECONDS} s of warm-up per side that
is not counted; the round with the median throughput is shown, and in brackets the lowest and highest ratio of
one round's Chronoboard to the same round's raw INSERT. Node CPU: the bench process's CPU time (all threads) per
command in the median round.

Each writer appends commands to its own streams (50 events each, then a new one), one after another, with an
expected version. Chronoboard: the event store's \`appendToStream\` (one INSERT at the expected version + 1, the
unique indexes as the checks; one-event appends sent while two statements are under way share the next one;
"Where an append's time goes" below). Raw INSERT: the same rows (same streams and versions) with one plain multi-row
\`INSERT\` per command into \`bench_raw_events\`, a copy of the events table with the same indexes
(\`CREATE TABLE … (LIKE events INCLUDING ALL)\`), the ceiling of this PostgreSQL for a statement per command. Emmett: \`@event-driven-io/emmett-postgresql\`
${emmettVersion} appending the same events (type, payload, metadata) with \`appendToStream(stream, events,
{ expectedStreamVersion })\` into its own tables, through the same connection pool to the same server.

${lines.join("\n")}
`,
    },
  ];
}
