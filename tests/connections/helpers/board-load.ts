import { randomUUID } from "node:crypto";
import pg from "pg";
import { ApiClient, type AppProcess, sleep } from "./app-process";

/** The feed followers of the app, each of which must lead again (one instance here) and follow the log. */
export const FOLLOWERS = ["task_list", "board", "automation.rules", "automation.review_saga"];

export interface Board {
  projectId: string;
  columnIds: string[];
  taskIds: string[];
}

/** A project with tasks: the first for the test's own changes, one more per writer (each renames only its own). */
export async function createBoard(api: ApiClient, tasks: number): Promise<Board> {
  const { projectId } = await api.mutation<{ projectId: string }>("project.create", { commandId: randomUUID(), name: "Connections" });
  const board = await api.query<{ columns: { id: string }[] }>("board.get", { projectId });
  const columnIds = board.columns.map((c) => c.id);
  const taskIds: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const { taskId } = await api.mutation<{ taskId: string }>("task.create", { projectId, commandId: randomUUID(), columnId: columnIds[0], title: `Task ${i}` });
    taskIds.push(taskId);
  }
  return { projectId, columnIds, taskIds };
}

/** A new user of the app with a board (createBoard) whose live updates it follows. */
export async function watchedBoard(app: AppProcess) {
  const api = new ApiClient(app.base);
  await api.signUp(`connections-${randomUUID()}@example.com`);
  const board = await createBoard(api, 5);
  return { api, board, live: api.liveStream(board.projectId) };
}

/**
 * Writers that rename their task over and over, as clients do: a failed request is sent again with the same
 * command id until it is acknowledged. Every acknowledged command id is kept, to be found in the log later.
 */
export class Writers {
  readonly acknowledged: string[] = [];
  failures = 0;
  private stopped = false;
  private readonly loops: Promise<void>[];

  constructor(api: ApiClient, board: Board) {
    this.loops = board.taskIds.slice(1).map((taskId) => this.loop(api, board.projectId, taskId));
  }

  private async loop(api: ApiClient, projectId: string, taskId: string) {
    for (let i = 0; !this.stopped; i++) {
      const commandId = randomUUID();
      for (;;) {
        try {
          await api.mutation("task.rename", { projectId, commandId, taskId, title: `Renamed ${i}` });
          this.acknowledged.push(commandId);
          break;
        } catch {
          this.failures += 1;
          if (this.stopped) return;
          await sleep(100);
        }
      }
      await sleep(20);
    }
  }

  async stop() {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

/** Runs `sql` on a connection of its own (the server may have restarted since the last one). */
export async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Retries `probe` every 100 ms until it returns something other than null/false; resolves with the time it took. */
export async function timeUntil(probe: () => Promise<unknown>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const ok = await probe().catch(() => false);
    if (ok) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** The position (and transaction) of the event a command wrote. */
export async function eventOf(url: string, commandId: string) {
  const rows = await sql<{ transaction_id: string; position: string }>(
    url,
    `SELECT transaction_id::text, position::text FROM events WHERE metadata->>'causationId' = $1`,
    [commandId],
  );
  return rows[0] ?? null;
}

/** Whether every feed follower has checkpointed past the event and the sealer has chained it. */
export async function followedPast(url: string, event: { transaction_id: string; position: string }): Promise<boolean> {
  const [row] = await sql<{ following: number; sealed: boolean }>(
    url,
    `SELECT (SELECT count(*)::int FROM projection_checkpoints WHERE name = ANY($3)
               AND (transaction_id, position) >= ($1::xid8, $2::bigint)) AS following,
            EXISTS (SELECT 1 FROM event_hashes WHERE position = $2::bigint) AS sealed`,
    [event.transaction_id, event.position, FOLLOWERS],
  );
  return row!.following === FOLLOWERS.length && row!.sealed;
}

/**
 * The backends holding each follower's leadership lock (a session advisory lock), with where they connect
 * from: each lock must be held by exactly one session.
 */
export async function leaders(url: string) {
  return sql<{ name: string; holders: number; client_addr: string | null }>(
    url,
    `SELECT f.name, count(l.pid)::int AS holders, min(a.client_addr::text) AS client_addr
     FROM unnest($1::text[]) AS f(name)
     LEFT JOIN pg_locks l ON l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
       AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('chronoboard.projector.leader:' || f.name, 0)
     LEFT JOIN pg_stat_activity a ON a.pid = l.pid
     GROUP BY f.name`,
    [FOLLOWERS],
  );
}
