/**
 * The board as of a random instant, through the real path (boardAsOfView: newest board snapshot at or
 * before the instant + the project's events after it, then the view), on generated histories.
 * Cold: process cache emptied first (the snapshot is read from PostgreSQL and decoded); warm: the same
 * instant again right after, its snapshot cached.
 */
import { isDeepStrictEqual } from "node:util";
import type pg from "pg";
import { boardAsOfView } from "../server/api/board/as-of";
import { readProject, snapshotPolicy } from "../server/eventstore";
import { foldBoard, loadBoard } from "../server/board-state";
import { emptyStateCache } from "./cold-cache";
import { generateHistory, type GeneratedHistory } from "./generate-history";
import type { Section } from "./report";
import { type Latencies, ms, summarize, timed } from "./stats";

const INSTANTS = 50;
const WARM_UP = 5;
const DEFAULT_SIZES = [
  { events: 10_000, tasks: 100 },
  { events: 100_000, tasks: 1000 },
];
const FULL_SIZE = { events: 1_000_000, tasks: 10_000 };

/** The snapshots plus the tail must give the board a fold of the whole log gives: checked once per history. */
async function checkAgainstFullFold(pool: pg.Pool, h: GeneratedHistory, until: Date) {
  const viaSnapshots = await loadBoard(pool, h.projectId, { until });
  const fromLog = foldBoard(await readProject(pool, h.projectId, { until }));
  // Deep equality, not JSON text: snapshots are stored as jsonb, which reorders object keys.
  if (!isDeepStrictEqual(viaSnapshots, fromLog)) throw new Error(`board as of ${until.toISOString()} differs from a full fold`);
}

/**
 * What a database that was not just bulk-loaded has done long ago: vacuumed and analysed the new rows and
 * written them back to disk. Without it the measurement shares the machine with that write-back.
 */
async function settle(pool: pg.Pool) {
  await pool.query("VACUUM (ANALYZE) events");
  await pool.query("VACUUM (ANALYZE) board_snapshots");
  await pool.query("CHECKPOINT").catch(() => {}); // needs a superuser or pg_checkpoint; only a nicety
}

async function measure(pool: pg.Pool, h: GeneratedHistory) {
  const span = h.to.getTime() - h.from.getTime();
  const instants = Array.from({ length: INSTANTS }, () => new Date(h.from.getTime() + Math.random() * span));
  await checkAgainstFullFold(pool, h, instants[0]!);
  await settle(pool);
  // A running server has compiled this path long ago: the first loads (and the full fold above) are not counted.
  for (let i = 0; i < WARM_UP; i++) await boardAsOfView(pool, h.projectId, instants[i]!, "owner");
  const cold: number[] = [];
  const warm: number[] = [];
  for (const instant of instants) {
    emptyStateCache();
    for (const samples of [cold, warm]) {
      const { ms: took, value } = await timed(() => boardAsOfView(pool, h.projectId, instant, "owner"));
      if (!value.exists) throw new Error("instant before the project");
      samples.push(took);
    }
  }
  return { cold: summarize(cold), warm: summarize(warm) };
}

export async function boardAsOfBench(pool: pg.Pool): Promise<Section[]> {
  const full = Boolean(process.env.BENCH_FULL);
  const cells = (l: Latencies) => `${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)}`;
  const lines: string[] = [];
  for (const size of full ? [...DEFAULT_SIZES, FULL_SIZE] : DEFAULT_SIZES) {
    const h = await generateHistory(pool, size);
    const { rows } = await pool.query<{ mb: number; total: number }>(
      `SELECT round(max(pg_column_size(state)) / 1048576.0, 1)::float AS mb, round(sum(pg_column_size(state)) / 1048576.0)::float AS total
       FROM board_snapshots WHERE project_id = $1`,
      [h.projectId],
    );
    const { cold, warm } = await measure(pool, h);
    lines.push(
      `| ${h.events.toLocaleString("en-US")} | ${h.tasks.toLocaleString("en-US")} | ${Math.round(h.events / h.loadSeconds).toLocaleString("en-US")} | ${h.snapshots} in ${h.snapshotSeconds.toFixed(1)} s (largest ${rows[0]!.mb} MB, all ${rows[0]!.total} MB stored) | ${cells(cold)} | ${cells(warm)} |`,
    );
    console.log(lines.at(-1));
  }
  return [
    {
      title: full ? "Board as of a random instant — full size (1M events)" : "Board as of a random instant",
      body: `Generated histories (\`bench/generate-history.ts\`): one project, valid events spread evenly over a year,
tasks created over its first 80 %, every other event on a task created so far; loaded with COPY (the rate
includes generating and checking every payload against the domain's schema), then one board snapshot per
${snapshotPolicy.boardEvery} events (\`BOARD_SNAPSHOT_EVERY\`) built by the app's \`snapshotBoard\`. Then \`boardAsOfView\` (what
\`board.asOf\` and \`GET /api/v1/projects/{id}/board?asOf=\` run, without HTTP and auth) at ${INSTANTS} random instants,
after \`VACUUM (ANALYZE)\` and a checkpoint of the freshly loaded tables and ${WARM_UP} loads that are not counted; ms, each instant once cold (process cache emptied) and once warm (its snapshot cached). One board as of the
first instant is checked against a fold of the whole log.${full ? "" : " `BENCH_FULL=1` adds 1,000,000 events over 10,000 tasks."}

| events | tasks | COPY load, events/s | board snapshots | cold p50 | p95 | p99 | warm p50 | p95 | p99 |
|---|---|---|---|---|---|---|---|---|---|
${lines.join("\n")}
`,
    },
  ];
}
