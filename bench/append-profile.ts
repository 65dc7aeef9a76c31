/**
 * One side of the append bench (bench/append.ts) alone, for a CPU profile of the writers or for reading
 * pg_stat_statements while it runs (BENCHMARKS.md, "Where an append's time goes"). Prints events/s and the
 * process's CPU time per command.
 *
 *   DATABASE_URL=… npx tsx scripts/with-db.ts --data .data/x --fresh-database -- \
 *     node --cpu-prof --cpu-prof-dir=.data/profiles --import tsx bench/append-profile.ts
 *   APPEND_SIDE=chronoboard|raw (chronoboard)  APPEND_WRITERS=8  APPEND_EVENTS=1 (per command)  BENCH_SECONDS=10
 */
import pg from "pg";
import { runThenExit } from "./run-then-exit";
import { appendOp, createRawTable, rawOp, run } from "./append";

const side = process.env.APPEND_SIDE ?? "chronoboard";
const writers = Number(process.env.APPEND_WRITERS ?? 8);
const perCommand = Number(process.env.APPEND_EVENTS ?? 1);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL, max: 40 });
  await createRawTable(pool);
  const op = side === "raw" ? rawOp(perCommand) : appendOp(perCommand);
  await run(pool, op, writers, perCommand, 1); // warm-up
  const r = await run(pool, op, writers, perCommand, seconds);
  console.log(
    `${side}, ${writers} writers × ${perCommand} event(s): ${r.eventsPerSec.toFixed(0)} events/s, p50 ${r.p50.toFixed(2)} ms, ` +
      `Node CPU ${r.nodeCpuPerCommand.toFixed(0)} µs per command`,
  );
  await pool.end();
}

runThenExit(main);
