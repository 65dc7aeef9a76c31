/**
 * Generates a project's history of valid events (history-events.ts) and loads it with COPY, then builds
 * the board snapshots the app would have taken along the way (one per `snapshotPolicy.boardEvery` events,
 * by the app's own snapshotBoard), so "as of" reads find what they would find in production.
 *
 *   tsx scripts/with-db.ts --data .data/postgres -- tsx bench/generate-history.ts 100000 1000   (events, tasks)
 */
import { pathToFileURL } from "node:url";
import pg from "pg";
import { snapshotPolicy } from "../server/eventstore";
import { snapshotBoard } from "../server/board-state";
import { copyEvents, type EventRowInput } from "./copy-events";
import { BENCH_USERS, eventRow, SimTask, Workspace } from "./history-events";

export interface GeneratedHistory {
  projectId: string;
  /** The first and the last event's time. */
  from: Date;
  to: Date;
  events: number;
  tasks: number;
  loadSeconds: number;
  snapshots: number;
  snapshotSeconds: number;
}

const DAY = 24 * 3600 * 1000;

/** `boardSnapshots: false` skips the snapshots, for benches that only read the log in order. */
export async function generateHistory(
  pool: pg.Pool,
  size: { events: number; tasks: number; days?: number; boardSnapshots?: boolean },
): Promise<GeneratedHistory> {
  await pool.query(
    `INSERT INTO users (id, name, email) SELECT u, u, u || '@bench.invalid' FROM unnest($1::text[]) u ON CONFLICT DO NOTHING`,
    [BENCH_USERS],
  );
  const ws = new Workspace();
  const to = new Date(Date.now() - 60_000);
  const from = new Date(to.getTime() - (size.days ?? 365) * DAY);
  const step = (to.getTime() - from.getTime()) / size.events;
  const marks: Date[] = [];

  function* rows(): Generator<EventRowInput> {
    let i = 0;
    // Evenly spread, jittered within each step so the times keep the order of the positions.
    const at = () => {
      const time = new Date(from.getTime() + (i + Math.random() * 0.9) * step);
      if (++i % snapshotPolicy.boardEvery === 0) marks.push(time);
      return time;
    };
    const project = ws.projectEvents();
    for (const [n, event] of project.entries()) {
      yield eventRow(ws, { aggregateType: "project", aggregateId: ws.projectId, version: n + 1 }, event, at());
    }
    // Tasks are created over the first 80 % of the history; every other event goes to a task created so far.
    const taskEvents = size.events - project.length;
    const tasks: SimTask[] = [];
    for (let j = 0; j < taskEvents; j++) {
      const due = tasks.length < size.tasks && j >= Math.floor((tasks.length * 0.8 * taskEvents) / size.tasks);
      const task = due ? tasks[tasks.push(new SimTask(ws)) - 1]! : tasks[Math.floor(Math.random() * tasks.length)]!;
      const event = task.next();
      yield eventRow(ws, { aggregateType: "task", aggregateId: task.id, version: task.version }, event, at());
    }
  }

  let started = performance.now();
  const events = await copyEvents(pool, rows());
  const loadSeconds = (performance.now() - started) / 1000;
  // What autovacuum would soon do after such a load; without it the planner guesses from an empty table.
  await pool.query("ANALYZE events");

  started = performance.now();
  if (size.boardSnapshots !== false) for (const until of marks) await snapshotBoard(pool, ws.projectId, { until });
  const snapshotSeconds = (performance.now() - started) / 1000;
  return { projectId: ws.projectId, from, to, events, tasks: size.tasks, loadSeconds, snapshots: size.boardSnapshots === false ? 0 : marks.length, snapshotSeconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  const [events = 100_000, tasks = 1000] = process.argv.slice(2).map(Number);
  generateHistory(pool, { events, tasks })
    .then((h) => console.log(JSON.stringify(h)))
    .finally(() => pool.end())
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
