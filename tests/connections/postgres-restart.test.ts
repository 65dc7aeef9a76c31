import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ApiClient, AppProcess, type LiveStream } from "./helpers/app-process";
import { type Board, eventOf, followedPast, leaders, sql, timeUntil, watchedBoard, Writers } from "./helpers/board-load";
import { ports } from "./helpers/ports";
import { PostgresServer } from "./helpers/postgres-server";

/*
 * PostgreSQL restarts (fast, then immediate) under the running app, while writers write and a board is
 * followed live. Without restarting the app, within 10 s: writes succeed, the live stream carries changes
 * again, every feed follower leads again and follows past a new write, the sealer chains it; every
 * acknowledged command is in the log once; the app prints no uncaught exception.
 */

const RECOVERY_MS = 10_000;
const server = new PostgresServer(ports.restart.postgres);
let app: AppProcess;
let api: ApiClient;
let board: Board;
let live: LiveStream;

beforeAll(async () => {
  await server.start();
  app = await AppProcess.start(ports.restart.app, { DATABASE_URL: await server.createDatabase("chronoboard") });
  ({ api, board, live } = await watchedBoard(app));
}, 120_000);

afterAll(async () => {
  live?.close();
  app?.stop();
  await server.stop();
});

/** How long `pg_ctl restart` took, then the times from the moment the server accepted connections again, in ms. */
interface Recovery {
  restartMs: number;
  writeMs: number;
  liveMs: number;
  followMs: number;
}

async function restartAndRecover(mode: "fast" | "immediate"): Promise<Recovery> {
  const db = server.url("chronoboard");
  const before = Date.now();
  await server.restart(mode);
  const back = Date.now();
  const sinceBack = () => Date.now() - back;

  let probe = "";
  await timeUntil(async () => {
    probe = randomUUID();
    await api.mutation("task.rename", { projectId: board.projectId, commandId: probe, taskId: board.taskIds[0], title: `Probe ${probe}` }, 2000);
    return true;
  }, RECOVERY_MS, `${mode}: writes`);
  const writeMs = sinceBack();

  // Followers are watched meanwhile: every projector, the automation and the sealer pass the probe's event.
  const event = (await eventOf(db, probe))!;
  const followed = timeUntil(() => followedPast(db, event), RECOVERY_MS, `${mode}: projectors, automation and sealer`).then(sinceBack);

  // The live stream carries a change made now (a wake-up by notification or re-check, or a reconnect's refetch).
  await timeUntil(async () => {
    const marker = randomUUID();
    const sent = Date.now();
    await api.mutation("task.rename", { projectId: board.projectId, commandId: randomUUID(), taskId: board.taskIds[0], title: marker }, 2000);
    return live.waitFor(marker, 1500, sent);
  }, RECOVERY_MS, `${mode}: live stream`);
  const liveMs = sinceBack();

  // Then by notification again (LISTEN is back): the stream's own re-check comes only every 3 s.
  for (let i = 0; i < 3; i++) {
    const marker = randomUUID();
    const sent = Date.now();
    await api.mutation("task.rename", { projectId: board.projectId, commandId: randomUUID(), taskId: board.taskIds[0], title: marker });
    expect.soft(await live.waitFor(marker, 1000, sent), `${mode}: change ${i} announced on the live stream`).not.toBeNull();
  }

  const followMs = await followed;
  const held = await leaders(db);
  expect(held.map((l) => [l.name, l.holders])).toEqual(held.map((l) => [l.name, 1]));
  return { restartMs: back - before, writeMs, liveMs, followMs };
}

test("the app recovers from PostgreSQL restarts without being restarted", { timeout: 150_000 }, async () => {
  const writers = new Writers(api, board);
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const fast = await restartAndRecover("fast");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const immediate = await restartAndRecover("immediate");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await writers.stop();
  console.log(JSON.stringify({ fast, immediate, acknowledged: writers.acknowledged.length, failedAttempts: writers.failures }));

  for (const recovery of [fast, immediate]) {
    expect(recovery.writeMs).toBeLessThan(RECOVERY_MS);
    expect(recovery.liveMs).toBeLessThan(RECOVERY_MS);
    expect(recovery.followMs).toBeLessThan(RECOVERY_MS);
  }

  // The stream stayed open through both restarts (it waited for the server instead of failing).
  expect.soft(live.connects).toBe(1);

  // Every acknowledged command is in the log, once.
  const found = await sql<{ command: string; events: number }>(
    server.url("chronoboard"),
    `SELECT metadata->>'causationId' AS command, count(*)::int AS events FROM events WHERE metadata->>'causationId' = ANY($1) GROUP BY 1`,
    [writers.acknowledged],
  );
  expect(found.length).toBe(writers.acknowledged.length);
  expect(found.filter((row) => row.events !== 1)).toEqual([]);

  // Lost connections are handled where they belong: nothing reaches the process' last-resort handlers.
  expect(app.output.split("\n").filter((line) => /uncaughtException|unhandledRejection|Unhandled/i.test(line)).map((line) => line.slice(0, 300))).toEqual([]);
});

test("while PostgreSQL is down, the app answers 503 with a clear message, never 500, and serves again when it is back", { timeout: 60_000 }, async () => {
  const { projectId, taskIds } = board;
  const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
  const requests: Record<string, [string, RequestInit?]> = {
    "board.get": [`/api/trpc/board.get?input=${input({ projectId })}`],
    "task.rename": [`/api/trpc/task.rename`, { method: "POST", body: JSON.stringify({ json: { projectId, taskId: taskIds[0], commandId: randomUUID(), title: "Down" } }) }],
    "v1 board": [`/api/v1/projects/${projectId}/board`],
    "v1 checkpoints": [`/api/v1/projects/${projectId}/checkpoints`],
    "sign-in": [`/api/auth/sign-in/email`, { method: "POST", body: JSON.stringify({ email: "nobody@example.com", password: "whatever-password" }) }],
  };
  await server.halt();
  try {
    for (const [name, [url, init]] of Object.entries(requests)) {
      const { status, text } = await api.send(url, init);
      expect.soft(status, `${name}: ${text.slice(0, 200)}`).toBe(503);
      expect.soft(text, name).toMatch(/database cannot be reached/i);
    }
    expect.soft((await api.send("/api/health")).status).toBe(503);
  } finally {
    await server.resume();
  }
  await timeUntil(async () => (await api.send(`/api/trpc/board.get?input=${input({ projectId })}`)).status === 200, RECOVERY_MS, "reads after the outage");
});
