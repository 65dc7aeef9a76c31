/**
 * HTTP load on the main read and write procedures of the built app (app-server.ts), with autocannon:
 * requests per second held, p50/p99 latency and errors, each procedure on its own for a fixed time.
 *
 *   BENCH_FULL=1 (longer runs, more connections)
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type pg from "pg";
import { BASE, startServer } from "./app-server";
import type { Section } from "./report";
import { PASSWORD, seedBoard } from "./seed-board";
import { requestCosts } from "./request-costs";
import { ms } from "./stats";

const TASKS = 200;
const SECONDS = process.env.BENCH_FULL ? 30 : 10;
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
    const lines = ["| procedure | one request | connections | requests/s | share of `session.me` | p50 ms | p99 ms | errors (non-2xx + failed) |", "|---|---|---|---|---|---|---|---|"];
    for (const connections of CONNECTIONS) {
      let floor = 0;
      for (const scenario of scenarios) {
        // Tasks taken round-robin, so concurrent writes rarely meet on one task (a CONFLICT would count as an error).
        let counter = 0;
        const options = { url: BASE, headers: { cookie, "content-type": "application/json", origin: BASE }, connections, ...scenario.options(() => counter++) };
        // Warm-up (compiled routes, plans, caches), which must succeed: a failing request is not load.
        const warm = await autocannon({ ...options, duration: 2 });
        if (warm.non2xx + warm.errors > 0) throw new Error(`${scenario.name} fails: ${warm.non2xx} non-2xx answers, ${warm.errors} errors`);
        const r = await autocannon({ ...options, duration: SECONDS });
        const errors = r.non2xx + r.errors + r.timeouts;
        if (scenario.name === "session.me") floor = r.requests.average;
        const share = `${Math.round((100 * r.requests.average) / floor)} %`;
        lines.push(`| \`${scenario.name}\` | ${scenario.does} | ${connections} | ${Math.round(r.requests.average)} | ${share} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${errors} of ${r.requests.total} |`);
        console.log(lines.at(-1));
      }
    }
    return [
      {
        title: "HTTP load",
        body: `\`bench/http.ts\`: autocannon against the built app (\`next start\`, one
process) on this machine, signed in with a session cookie, on a project of ${TASKS} tasks. Each procedure alone for
${SECONDS} s after a 2 s warm-up, keeping the given number of connections busy (each sends its next request when the
previous one is answered). Writes go round-robin over the tasks with fresh command ids. Load generator, app and
PostgreSQL share the machine's cores. \`BENCH_FULL=1\`: 30 s, and 50 connections too.

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
