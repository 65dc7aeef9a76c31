/**
 * Whether a command's cost grows with its board: task.move, task.rename and task.create p50 on a board of
 * 200 tasks and on one of 10,000, through the tRPC procedures in this process (access check, board context,
 * lock, decide, append; no HTTP, whose cost bench/http.ts measures). Both boards are written with COPY
 * (generate-history.ts), checked complete, warmed up, then measured in alternation so that the machine's
 * load falls on both alike.
 *
 *   BENCH_FULL=1 (more samples)
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import type pg from "pg";
import { appRouter } from "../server/api/root";
import { createCallerFactory } from "../server/api/trpc";
import { loadBoard } from "../server/board-state";
import { columnTasks } from "../server/domain";
import { generateHistory } from "./generate-history";
import { BENCH_USERS } from "./history-events";
import type { Section } from "./report";
import { ms, summarize } from "./stats";

const SIZES = [200, 10_000];
const SAMPLES = process.env.BENCH_FULL ? 600 : 200;
const WARM_UP = 30;
const OPS = ["task.move", "task.rename", "task.create"] as const;
type Op = (typeof OPS)[number];

const caller = () => createCallerFactory(appRouter)({ user: { id: BENCH_USERS[0]!, name: "Ada", email: "ada@bench.invalid" }, correlationId: randomUUID(), db: pool! });
let pool: pg.Pool | undefined;

/** One board: its columns, its tasks (round-robin targets), where each task is, and its versions. */
async function benchBoard(tasks: number) {
  // Half as many other events as tasks: tasks spread over the columns, some archived, as on a used board.
  const history = await generateHistory(pool!, { events: 9 + Math.round(tasks * 1.5), tasks });
  const projectId = history.projectId;
  const board = await loadBoard(pool!, projectId);
  const taskIds = Object.keys(board.tasks);
  if (taskIds.length !== tasks) throw new Error(`board of ${projectId} has ${taskIds.length} tasks, not ${tasks}`);
  const columns = board.columns.map((c) => c.id);
  // A WIP limit on one column, so that moves into it take the column's turn (commands/wip-lock.ts).
  await caller().column.setWipLimit({ projectId, commandId: randomUUID(), columnId: columns[2]!, wipLimit: 999 });
  const live = taskIds.filter((id) => !board.tasks[id]!.archived);
  const last = new Map(columns.map((c) => [c, columnTasks(board, c).at(-1)?.id ?? null]));
  const where = new Map(live.map((id) => [id, board.tasks[id]!.columnId]));
  return { projectId, columns, live, where, last, next: 0 };
}

type BenchBoard = Awaited<ReturnType<typeof benchBoard>>;

/** One command on the board; moves alternate between a column's top and below the task last moved there. */
async function run(b: BenchBoard, op: Op): Promise<void> {
  const i = b.next++;
  const taskId = b.live[(i * 7919) % b.live.length]!;
  const commandId = randomUUID();
  if (op === "task.rename") {
    await caller().task.rename({ projectId: b.projectId, commandId, taskId, title: `Renamed ${i}` });
  } else if (op === "task.create") {
    await caller().task.create({ projectId: b.projectId, commandId, columnId: b.columns[i % 2]!, title: `Created ${i}` });
  } else {
    const from = b.where.get(taskId)!;
    const to = b.columns.find((c, n) => c !== from && n === (b.columns.indexOf(from) + 1) % b.columns.length)!;
    const after = i % 2 === 0 ? null : b.last.get(to) ?? null;
    await caller().task.move({ projectId: b.projectId, commandId, taskId, toColumnId: to, afterTaskId: after === taskId ? null : after, overrideWipLimit: true });
    b.where.set(taskId, to);
    b.last.set(to, taskId);
    if (b.last.get(from) === taskId) b.last.set(from, null);
  }
}

export async function commandsBench(p: pg.Pool): Promise<Section[]> {
  pool = p;
  const boards: BenchBoard[] = [];
  for (const size of SIZES) boards.push(await benchBoard(size));
  const samples = new Map<string, number[]>();
  for (const op of OPS) {
    for (const b of boards) for (let i = 0; i < WARM_UP; i++) await run(b, op);
    // Alternating boards, one command at a time: each side of the ratio sees the same moments of load.
    for (let i = 0; i < SAMPLES; i++) {
      for (const [n, b] of boards.entries()) {
        const started = performance.now();
        await run(b, op);
        const key = `${op}:${SIZES[n]}`;
        samples.set(key, [...(samples.get(key) ?? []), performance.now() - started]);
      }
    }
  }
  const lines = ["| command | p50 ms, 200 tasks | p50 ms, 10,000 tasks | ratio | p95 ms, 200 / 10,000 |", "|---|---|---|---|---|"];
  for (const op of OPS) {
    const [small, large] = SIZES.map((size) => summarize(samples.get(`${op}:${size}`)!));
    lines.push(`| \`${op}\` | ${ms(small!.p50)} | ${ms(large!.p50)} | ×${(large!.p50 / small!.p50).toFixed(2)} | ${ms(small!.p95)} / ${ms(large!.p95)} |`);
    console.log(lines.at(-1));
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  return [
    {
      title: "Commands on a large board",
      body: `\`bench/commands.ts\`: \`task.move\`, \`task.rename\` and \`task.create\` through the tRPC procedures in the
bench's process (access check, board context, WIP-limit turn, decide, append; no HTTP), one at a time, on a board of
200 tasks and one of 10,000 (written with COPY, half as many other events again; checked complete before timing;
one column with a WIP limit of 999, which moves into it override). ${WARM_UP} of each command on each board first,
uncounted; then ${SAMPLES} per command and board, alternating between the boards so that both see the same load.
Moves go to the next column, to its top or below the task last moved there. Load average (\`uptime\`) at the end: ${load}.

${lines.join("\n")}
`,
    },
  ];
}
