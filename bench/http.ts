/**
 * HTTP load on the main read and write procedures of the built app (app-server.ts), with autocannon:
 * requests per second held, p50/p99 latency and errors, each procedure on its own for a fixed time.
 *
 *   BENCH_FULL=1 (longer runs, more connections)  BENCH_HTTP_ROUNDS=3  BENCH_HTTP_ONLY=board.get,task.move
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type pg from "pg";
import { BASE, startServer } from "./app-server";
import type { Section } from "./report";
import { PASSWORD, seedBoard } from "./seed-board";
import { requestCosts } from "./request-costs";
import { ms } from "./stats";
import { cpuReading, type CpuSpent, cpuSpent } from "./process-cpu";
import { feedLag } from "../server/eventstore";

interface Run {
  r: autocannon.Result;
  cpu: CpuSpent;
}

const percent = (share: number) => `${Math.round(100 * share)} %`;

/** Until every projector, saga and sealer has what was written so far: a run must not pay for the one before. */
async function projectorsCaughtUp(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>("SELECT name FROM projection_checkpoints");
  const names = rows.map((row) => row.name);
  for (let i = 0; i < 300; i++) {
    if ((await feedLag(pool, names)).every((lag) => lag.events === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the app's projectors did not catch up within 30 s");
}

const TASKS = 200;
const SECONDS = process.env.BENCH_FULL ? 20 : 6;
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const CONNECTIONS = process.env.BENCH_FULL ? [10, 50] : [10];

async function sessionCookie(email: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

interface Scenario {
  name: string;
  /** What one request does, in the table's words. */
  does: string;
  options: (next: () => number) => Partial<autocannon.Options>;
}

const get = (path: string, input: unknown) => ({ method: "GET" as const, url: `${BASE}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}` });

/** A POST whose body is made per request: every command needs its own command id. */
const post = (path: string, input: (i: number) => unknown) => (next: () => number) => ({
  method: "POST" as const,
  requests: [{ method: "POST" as const, path: `/api/trpc/${path}`, setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify({ json: input(next()) }) }) }],
});

export async function httpBench(pool: pg.Pool): Promise<Section[]> {
  const board = await seedBoard(pool, TASKS);
  const seeded = new Date();
  const server = await startServer();
  try {
    const cookie = await sessionCookie(board.emails[0]!);
    // Once the app has the board in its read model (board.get waits for it), and before any load.
    if (!(await fetch(get("board.get", { projectId: board.projectId }).url, { headers: { cookie } })).ok) throw new Error("board.get fails");
    await projectorsCaughtUp(pool);
    const parts = await requestCosts(pool, board, PASSWORD);
    console.log(parts);
    const { projectId, taskIds, columns } = board;
    const task = (i: number) => taskIds[i % taskIds.length]!;
    const scenarios: Scenario[] = [
      { name: "session.me", does: "the signed-in user: session lookup and tRPC alone, the floor", options: () => ({ method: "GET" as const, url: `${BASE}/api/trpc/session.me` }) },
      { name: "board.get", does: `the board of ${TASKS} tasks`, options: () => get("board.get", { projectId }) },
      { name: "board.asOf", does: "the board as of an instant (read from the log)", options: () => get("board.asOf", { projectId, asOf: seeded.toISOString() }) },
      {
        name: "task.rename",
        does: "rename a task (load, decide, append)",
        options: post("task.rename", (i) => ({ projectId, commandId: randomUUID(), taskId: task(i), title: `Renamed ${i}` })),
      },
      {
        name: "task.move",
        does: "move a task to another column's top",
        options: post("task.move", (i) => ({ projectId, commandId: randomUUID(), taskId: task(i), toColumnId: columns[i % columns.length]!.id, afterTaskId: null, overrideWipLimit: true })),
      },
    ];
    // BENCH_HTTP_ONLY=board.get (with session.me, the floor, always): a profile of one procedure's load.
    const only = process.env.BENCH_HTTP_ONLY?.split(",");
    if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => s.name === "session.me" || only.includes(s.name)));
    const header = [
      "| procedure | one request | connections | requests/s | share of `session.me` (rounds) | p50 ms | p99 ms | CPU ms per request: app / PostgreSQL / load generator | errors (non-2xx + failed) |",
      "|---|---|---|---|---|---|---|---|---|",
    ];
    const lines = [...header];
    for (const connections of CONNECTIONS) {
      const runs = new Map<string, Run[]>(scenarios.map((s) => [s.name, []]));
      const options = new Map(scenarios.map((scenario) => {
        // Tasks taken round-robin, so concurrent writes rarely meet on one task (a CONFLICT would count as an error).
        let counter = 0;
        return [scenario.name, { url: BASE, headers: { cookie, "content-type": "application/json", origin: BASE }, connections, ...scenario.options(() => counter++) }];
      }));
      for (const scenario of scenarios) {
        // Warm-up (compiled routes, plans, caches), which must succeed: a failing request is not load.
        const warm = await autocannon({ ...options.get(scenario.name)!, duration: 2 });
        if (warm.non2xx + warm.errors > 0) throw new Error(`${scenario.name} fails: ${warm.non2xx} non-2xx answers, ${warm.errors} errors`);
      }
      // Rounds alternate the procedures, so that each side of a ratio meets the machine in the same state.
      for (let round = 0; round < ROUNDS; round++) {
        for (const scenario of scenarios) {
          await projectorsCaughtUp(pool);
          const before = cpuReading(server.pid!);
          const r = await autocannon({ ...options.get(scenario.name)!, duration: SECONDS });
          const cpu = cpuSpent(before, cpuReading(server.pid!));
          runs.get(scenario.name)!.push({ r, cpu });
          console.log(scenario.name, round, Math.round(r.requests.average), cpu);
        }
      }
      const floors = runs.get("session.me")!.map(({ r }) => r.requests.average);
      for (const scenario of scenarios) {
        const own = runs.get(scenario.name)!;
        const shares = own.map(({ r }, round) => r.requests.average / floors[round]!).sort((a, b) => a - b);
        const { r, cpu } = own.toSorted((a, b) => a.r.requests.average - b.r.requests.average)[Math.floor(own.length / 2)]!;
        const perRequest = (part: keyof CpuSpent) => (cpu[part] / r.requests.total).toFixed(1);
        const errors = own.reduce((n, { r }) => n + r.non2xx + r.errors + r.timeouts, 0);
        const total = own.reduce((n, { r }) => n + r.requests.total, 0);
        lines.push(
          `| \`${scenario.name}\` | ${scenario.does} | ${connections} | ${Math.round(r.requests.average)} | ${percent(shares[Math.floor(shares.length / 2)]!)} (${percent(shares[0]!)}–${percent(shares.at(-1)!)}) | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${perRequest("app")} / ${perRequest("postgres")} / ${perRequest("generator")} | ${errors} of ${total} |`,
        );
      }
    }
    console.log(lines.join("\n"));
    return [
      {
        title: "HTTP load",
        body: `\`bench/http.ts\`: autocannon against the built app (\`next start\`, one
process) on this machine, signed in with a session cookie, on a project of ${TASKS} tasks. Each procedure alone,
keeping the given number of connections busy (each sends its next request when the previous one is answered),
after a 2 s warm-up each; then ${ROUNDS} rounds (\`BENCH_HTTP_ROUNDS\`) of ${SECONDS} s per procedure, taking the
procedures in turn, each run started once every projector has caught up with the log (so that no run pays for
the writes of the one before). Shown: the round with the median requests/s, and the median and range of the
rounds' shares of the same round's \`session.me\`. CPU per request: the app's process, all PostgreSQL processes and
the bench's own (autocannon), from \`/proc\`, over the whole run. Writes go round-robin over the tasks with fresh
command ids. Load generator, app and PostgreSQL share the machine's two cores. \`BENCH_FULL=1\`: ${process.env.BENCH_FULL ? SECONDS : 20} s runs, and 50
connections too.

${lines.join("\n")}

Where a request's time goes: \`bench/request-costs.ts\`, the parts one call at a time in the bench's own process
(with the app started but idle, before any load), p50 of 300 calls after 20 uncounted. What a request costs beyond the
sum of its parts is HTTP, Next.js's routing and tRPC's request handling (the \`session.me\` row above, less its
session lookup), and at 10 connections the machine's two cores shared with PostgreSQL and the load generator.

${parts}
`,
      },
    ];
  } finally {
    server.kill();
  }
}
