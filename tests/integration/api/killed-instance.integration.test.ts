import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db/pool";
import { backgroundWorkDone, readProject, readStream, snapshotPolicy } from "../../../server/eventstore";
import { stableUuid } from "../../../server/eventstore/command";
import { cmd, signedUpUser } from "../helpers/api";
import { testPool } from "../helpers/db";

const owner = testPool(4);
const defaults = { ...snapshotPolicy };
const script = path.join(import.meta.dirname, "../helpers/command-process.ts");

/** An app process that runs one tRPC call: its answer (or error), or null when it died first. */
function instance(user: unknown, procedure: string, input: unknown) {
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(user), procedure, JSON.stringify(input)], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const answered = new Promise<{ answer?: { version: number; position: number }; error?: { code: string } } | null>((resolve) =>
    child.on("exit", () => resolve(out.trim() ? JSON.parse(out.trim().split("\n").at(-1)!) : null)),
  );
  return { child, answered };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Holds the stream's next version in an open transaction, so that an append to it waits inside
 * PostgreSQL; rolled back, the waiting append goes on and commits whether or not its client lives.
 */
async function holdNextVersion(stream: { aggregateType: string; aggregateId: string }, projectId: string) {
  const client = await owner.connect();
  await client.query("BEGIN");
  const version = (await readStream(owner, stream)).length + 1;
  await client.query(
    `INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata)
     VALUES ($1, 'Blocker', 1, $2, $3, $4, $5, '{}', '{}')`,
    [randomUUID(), stream.aggregateType, stream.aggregateId, version, projectId],
  );
  return {
    release: async () => {
      await client.query("ROLLBACK");
      client.release();
    },
  };
}

const waitingAppend = (): Promise<boolean> =>
  owner
    .query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO events%'`,
    )
    .then(({ rows }) => rows[0]!.n > 0);

async function killWithCommandInFlight(child: ChildProcess, exited: Promise<unknown>) {
  await until("the append to wait in PostgreSQL", waitingAppend);
  process.kill(child.pid!, "SIGKILL");
  expect(await exited).toBeNull(); // it never answered
}

describe("an instance killed with a command in flight", () => {
  it("leaves a move that another instance's retry answers as applied, stored once", { timeout: 180_000 }, async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Killed" });
    const [todo, doing] = (await alice.caller.board.get({ projectId })).columns;
    const { taskId, version } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Move me" });
    const stream = { aggregateType: "task", aggregateId: taskId };
    const move = { ...cmd(), projectId, taskId, expectedVersion: version, toColumnId: doing!.id, afterTaskId: null };

    const held = await holdNextVersion(stream, projectId);
    const first = instance(alice.user, "task.move", move);
    await killWithCommandInFlight(first.child, first.answered);
    await held.release();
    // The killed instance's statement still commits: applied, never answered.
    const applied = await until("the move to be stored", async () =>
      (await readStream(getPool(), stream)).find((e) => e.eventId === stableUuid(move.commandId, 0)),
    );

    // Meanwhile the task moves on, past a stored snapshot: the retry's instance loads from it.
    snapshotPolicy.aggregateEvery = 2;
    for (const title of ["One", "Two", "Three"]) await alice.caller.task.rename({ ...cmd(), projectId, taskId, title });
    await backgroundWorkDone();
    Object.assign(snapshotPolicy, defaults);

    const retry = await instance(alice.user, "task.move", move).answered;
    expect(retry).toEqual({ answer: { version: applied.version, position: applied.position } });
    const events = await readStream(getPool(), stream);
    expect(events.filter((e) => e.eventType === "TaskMoved")).toHaveLength(1);
    expect(events.at(-1)!.version).toBe(applied.version + 3);
  });

  it("leaves a project.create (several events, new ids) that another instance's retry answers as applied, stored once", { timeout: 180_000 }, async () => {
    const alice = await signedUpUser("Alice");
    const create = { ...cmd(), name: "Created while dying" };
    const projectId = stableUuid(create.commandId, "project");
    const held = await holdNextVersion({ aggregateType: "project", aggregateId: projectId }, projectId);
    const first = instance(alice.user, "project.create", create);
    await killWithCommandInFlight(first.child, first.answered);
    await held.release();
    const stored = await until("the project to be stored", async () => {
      const events = await readProject(getPool(), projectId);
      return events.length > 0 ? events : null;
    });

    const retry = await instance(alice.user, "project.create", create).answered;
    expect(retry).toEqual({ answer: { projectId, version: stored.at(-1)!.version, position: stored.at(-1)!.position } });
    expect(await readProject(getPool(), projectId)).toEqual(stored);
    expect(stored.filter((e) => e.eventType === "ProjectCreated")).toHaveLength(1);
  });
});
