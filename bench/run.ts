/**
 * `npm run bench`: every bench in one run (a fresh database, see scripts/with-db.ts), then BENCHMARKS.md.
 *
 *   BENCH_ONLY=append,aggregate-load,board-as-of,rebuild,export,commands,http,proofs,browser,import (a selection)  BENCH_FULL=1 (full sizes)
 *   BENCH_SECONDS=3 BENCH_ROUNDS=3 (append)  BENCH_SKIP_BUILD=1 (http and browser reuse .next)
 */
import pg from "pg";
import { aggregateLoadBench } from "./aggregate-load";
import { appendBench } from "./append";
import { boardAsOfBench } from "./board-as-of";
import { browserBench } from "./browser";
import { commandsBench } from "./commands";
import { exportBench } from "./export";
import { httpBench } from "./http";
import { importBench } from "./import";
import { proofsBench } from "./proofs";
import { rebuildBench } from "./rebuild";
import { type Section, writeReport } from "./report";

const benches: Record<string, (pool: pg.Pool) => Promise<Section[]>> = {
  append: appendBench,
  "aggregate-load": aggregateLoadBench,
  "board-as-of": boardAsOfBench,
  rebuild: rebuildBench,
  export: exportBench,
  http: httpBench,
  // After http: the app started for http would otherwise spend the run projecting these boards' 17,000 events.
  commands: commandsBench,
  proofs: proofsBench,
  browser: browserBench,
  import: importBench,
};

async function main() {
  const only = process.env.BENCH_ONLY?.split(",") ?? Object.keys(benches);
  const unknown = only.filter((name) => !benches[name]);
  if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(", ")}; known: ${Object.keys(benches).join(", ")}`);
  // Up to 32 concurrent writers in the append bench, plus room for background snapshots.
  // As the owner: benches generate histories and create baseline tables; app code they call uses DATABASE_URL.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL, max: 40 });
  const sections: Section[] = [];
  for (const name of only) {
    console.log(`\n${name}`);
    sections.push(...(await benches[name]!(pool)));
  }
  await writeReport(pool, sections);
  await pool.end();
}

// App modules a bench loads keep the process alive (the app's pool, the LISTEN connection of the sealer).
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
