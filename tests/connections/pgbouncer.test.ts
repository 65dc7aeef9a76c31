import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ApiClient, AppProcess, type LiveStream } from "./helpers/app-process";
import { type Board, eventOf, followedPast, leaders, sql, timeUntil, watchedBoard, Writers } from "./helpers/board-load";
import { PgBouncer } from "./helpers/pgbouncer";
import { ports } from "./helpers/ports";
import { PostgresServer } from "./helpers/postgres-server";

/*
 * The app behind PgBouncer in transaction mode (DATABASE_URL), with its sessions (LISTEN, leadership locks,
 * WIP turns) on direct connections (DATABASE_DIRECT_URL): writes, a live stream and the projectors work,
 * and what needs a session holds it on a direct connection.
 */

const server = new PostgresServer(ports.pooler.postgres);
const bouncer = new PgBouncer(server, ports.pooler.pgbouncer);
let app: AppProcess;
let direct: string;
let api: ApiClient;
let board: Board;
let live: LiveStream;

beforeAll(async () => {
  await server.start();
  direct = await server.createDatabase("chronoboard");
  await bouncer.start("chronoboard");
  app = await AppProcess.start(ports.pooler.app, { DATABASE_URL: bouncer.url("chronoboard"), DATABASE_DIRECT_URL: direct });
  ({ api, board, live } = await watchedBoard(app));
}, 120_000);

afterAll(async () => {
  live?.close();
  app?.stop();
  bouncer.stop();
  await server.stop();
});

test("writes, live updates, WIP turns and the projectors work through PgBouncer in transaction mode", { timeout: 120_000 }, async () => {
  const writers = new Writers(api, board);
  try {
    // Live updates come by notification (the stream's own re-check comes only every 3 s).
    for (let i = 0; i < 5; i++) {
      const marker = randomUUID();
      const sent = Date.now();
      await api.mutation("task.rename", { projectId: board.projectId, commandId: randomUUID(), taskId: board.taskIds[0], title: marker });
      expect(await live.waitFor(marker, 1000, sent), `change ${i} on the live stream`).not.toBeNull();
    }

    // Turns at a column with a WIP limit (a session advisory lock): each create takes and gives back the turn.
    const { columnId } = await api.mutation<{ columnId: string }>("column.add", { projectId: board.projectId, commandId: randomUUID(), name: "Limited", wipLimit: 2 });
    const create = () => api.mutation("task.create", { projectId: board.projectId, commandId: randomUUID(), columnId, title: "In the limited column" });
    await create();
    await create();
    await expect(create()).rejects.toThrow(/WIP limit/);
  } finally {
    await writers.stop();
  }
  expect(writers.acknowledged.length).toBeGreaterThan(20);
  expect(writers.failures).toBe(0);

  // The projectors, the automation and the sealer follow past the last write.
  const last = (await eventOf(direct, writers.acknowledged.at(-1)!))!;
  await timeUntil(() => followedPast(direct, last), 10_000, "projectors, automation and sealer");

  // Sessions on direct connections: each leadership lock and the LISTEN; the rest went through PgBouncer.
  const held = await leaders(direct);
  expect(held.map((l) => [l.name, l.holders, l.client_addr])).toEqual(held.map((l) => [l.name, 1, "127.0.0.1/32"]));
  const [sessions] = await sql<{ listening: number; pooled: number }>(
    direct,
    `SELECT count(*) FILTER (WHERE query LIKE 'LISTEN %' AND client_addr IS NOT NULL)::int AS listening,
            count(*) FILTER (WHERE client_addr IS NULL AND backend_type = 'client backend')::int AS pooled
     FROM pg_stat_activity WHERE datname = 'chronoboard'`,
  );
  expect(sessions!.listening).toBe(1);
  expect(sessions!.pooled).toBeGreaterThan(0);

  expect(app.output.split("\n").filter((line) => /prepared statement|uncaughtException|unhandledRejection/i.test(line)).map((line) => line.slice(0, 300))).toEqual([]);
});
