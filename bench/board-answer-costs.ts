/**
 * Where a 10,000-task board.get answer's time goes on the server and in the parse, in this process (no HTTP):
 * the access check, the read model's query, the view, the transformer with JSON.stringify (superjson alone,
 * as before cards went column-wise, and the app's transformer), gzip (what \`next start\` applies), and the
 * parse with superjson's or the browser transformer's deserialize (Node's V8, a stand-in for the browser's).
 * One history written with COPY; the board projector runs here until the read model holds every task.
 *
 *   DATABASE_URL=… tsx scripts/with-db.ts --data .data/x --fresh-database -- tsx bench/board-answer-costs.ts
 */
import pg from "pg";
import superjson from "superjson";
import { boardView } from "../server/api/board/view";
import { transformer } from "../server/api/input-transformer";
import { transformer as browser } from "../components/trpc/transformer";
import { loadBoard } from "../server/board-state";
import { generateHistory } from "./generate-history";
import { gzipSync } from "node:zlib";
import { projectors, readModelBoard } from "../server/read-models";
import { ProjectorRunner } from "../server/projectors";
import { projectAccess, readers } from "../server/api/project-procedure";
import { BENCH_USERS } from "./history-events";

const time = (label: string, n: number, f: () => unknown) => {
  f();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  console.log(`${label}: p50 ${t[Math.floor(n / 2)]!.toFixed(1)} ms`);
};

async function main() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  const h = await generateHistory(pool, { events: 15009, tasks: 10000, boardSnapshots: false });
  const stop = new AbortController();
  void new ProjectorRunner(projectors.board!, { pool }).start(stop.signal);
  for (;;) {
    const m = await readModelBoard(pool, h.projectId);
    if (m && Object.keys(m.tasks).length === 10000) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const atime = async (label: string, n: number, f: () => Promise<unknown>) => {
    await f();
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      await f();
      t.push(performance.now() - s);
    }
    t.sort((a, b) => a - b);
    console.log(`${label}: p50 ${t[Math.floor(n / 2)]!.toFixed(1)} ms`);
  };
  await atime("projectAccess", 10, () => projectAccess(pool, BENCH_USERS[0]!, h.projectId, readers));
  await atime("readModelBoard", 10, () => readModelBoard(pool, h.projectId));
  const rm = (await readModelBoard(pool, h.projectId))!;
  await atime("boardView(readModel)", 10, () => boardView(pool, rm, "owner"));
  const board = await loadBoard(pool, h.projectId);
  let view: Awaited<ReturnType<typeof boardView>> | undefined;
  const s = performance.now();
  view = await boardView(pool, board, "owner");
  console.log(`boardView ${(performance.now() - s).toFixed(1)} ms`);
  for (let i = 0; i < 5; i++) view = await boardView(pool, board, "owner");
  const s2 = performance.now();
  view = await boardView(pool, board, "owner");
  console.log(`boardView warm ${(performance.now() - s2).toFixed(1)} ms`);
  const v = view;
  const old = JSON.stringify(superjson.serialize(v));
  const neu = JSON.stringify(transformer.output.serialize(v));
  console.log(`bytes old ${(old.length / 1e6).toFixed(2)} MB, new ${(neu.length / 1e6).toFixed(2)} MB`);
  time("old serialize+stringify", 10, () => JSON.stringify(superjson.serialize(v)));
  time("new serialize+stringify", 10, () => JSON.stringify(transformer.output.serialize(v)));
  time("old gzip", 5, () => gzipSync(old));
  time("new gzip", 5, () => gzipSync(neu));
  time("old parse", 10, () => JSON.parse(old));
  time("old parse+deserialize", 10, () => superjson.deserialize(JSON.parse(old)));
  time("new parse", 10, () => JSON.parse(neu));
  time("new parse+deserialize", 10, () => browser.deserialize(JSON.parse(neu)));
  stop.abort();
  await pool.end();
  process.exit(0);
}
void main();
