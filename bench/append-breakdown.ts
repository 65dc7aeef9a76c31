/**
 * Where the append's Node CPU goes beyond a raw INSERT's, measured in one process on one pool, the ways of
 * writing one event taken in turn for several rounds (BENCHMARKS.md, "Where an append's time goes"):
 * the raw INSERT as bench/append.ts sends it, the append's own statement sent straight through node-postgres,
 * and the whole append (appendToStream). Prints the bench process's CPU per command of each round and their minimum
 * (the least disturbed round: this machine's other work only ever adds).
 *
 *   DATABASE_URL=… npx tsx scripts/with-db.ts --data .data/x --fresh-database -- npx tsx bench/append-breakdown.ts
 *   APPEND_WRITERS=8  BENCH_SECONDS=2.5 (per round and way)  BENCH_ROUNDS=6
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { INSERT_ONE_SQL } from "../server/eventstore/append";
import { appendOp, createRawTable, type Op, rawOp } from "./append";
import { runThenExit } from "./run-then-exit";

const writers = Number(process.env.APPEND_WRITERS ?? 8);
const seconds = Number(process.env.BENCH_SECONDS ?? 2.5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);

/** The append's one-event statement with the parameters appendToStream gives it, named as it names it. */
const statementOp: Op = (pool) => {
  const aggregateId = randomUUID();
  const projectId = randomUUID();
  let version = 0;
  return async () => {
    const metadata = JSON.stringify({ userId: "bench-user", correlationId: randomUUID(), causationId: randomUUID() });
    const payload = JSON.stringify({ title: "Benchmark task renamed to something of a realistic length" });
    await pool.query({
      name: "bench.append-one",
      text: INSERT_ONE_SQL,
      rowMode: "array",
      values: ["task", aggregateId, projectId, randomUUID(), "TaskRenamed", 1, payload, metadata, version++, null],
    });
  };
};

const ways: [string, Op][] = [
  ["raw INSERT (bench/append.ts)", rawOp(1)],
  ["the append's statement alone", statementOp],
  ["appendToStream", appendOp(1)],
];

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL, max: 40 });
  await createRawTable(pool);
  const cpu: number[][] = ways.map(() => []);
  // Round 0 warms up (JIT, each connection's named statements) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    for (const [i, [, op]] of ways.entries()) {
      const started = process.cpuUsage();
      const deadline = performance.now() + seconds * 1000;
      let commands = 0;
      await Promise.all(
        Array.from({ length: writers }, async () => {
          const next = op(pool);
          while (performance.now() < deadline) {
            await next();
            commands++;
          }
        }),
      );
      const { user, system } = process.cpuUsage(started);
      if (round > 0) cpu[i]!.push(Math.round((user + system) / commands));
    }
  }
  console.log(`${writers} writers × 1 event, ${rounds} rounds of ${seconds} s per way; Node CPU µs per command`);
  for (const [i, [name]] of ways.entries()) console.log(`${name.padEnd(32)} min ${Math.min(...cpu[i]!)}  rounds ${cpu[i]!.join(" ")}`);
  await pool.end();
}

runThenExit(main);
