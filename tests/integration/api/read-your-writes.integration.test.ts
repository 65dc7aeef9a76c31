import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { lockName } from "../../../server/projectors/runner/projector";
import { cmd, signedUpUser } from "../helpers/api";

const pool = getPool();

async function projectWithTask() {
  const alice = await signedUpUser("Alice");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Read your writes" });
  const [todo] = (await alice.caller.board.get({ projectId })).columns;
  const { taskId } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Before" });
  const rename = (title: string) => alice.caller.task.rename({ ...cmd(), projectId, taskId, title });
  return { alice, projectId, taskId, rename };
}

/** Holds a projector's batch lock, as a projector stuck in a long batch would, until released. */
async function stall(projector: string) {
  const client = await pool.connect();
  await client.query("BEGIN");
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lockName("batch", projector)]);
  return async () => {
    await client.query("COMMIT");
    client.release();
  };
}

async function timed<T>(read: Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await read;
  return [result, Date.now() - started];
}

describe("read-your-writes", () => {
  it("answers every command with the position of its last event, and reads given it show the write", async () => {
    const { alice, projectId, taskId, rename } = await projectWithTask();
    const { position } = await rename("After");
    expect(position).toBe(Math.max(...(await readProject(pool, projectId)).map((e) => e.position)));

    const board = await alice.caller.board.get({ projectId, position: position! });
    expect(board.columns[0]!.tasks.map((t) => t.title)).toEqual(["After"]);
    expect(board.lag).toEqual({ events: 0, parked: 0 });
    const list = await alice.caller.task.list({ projectId, position: position!, search: "aft" });
    expect(list.tasks.map((t) => [t.id, t.title])).toEqual([[taskId, "After"]]);
    expect(list.lag).toEqual({ events: 0, parked: 0 });
  });

  it("waits at most 2 s for a read model that is behind, then answers with what it has and says how far behind", async () => {
    const { alice, projectId, rename } = await projectWithTask();
    await alice.caller.board.get({ projectId, position: (await rename("Seen")).position! });

    const release = await stall("board");
    let position: number;
    try {
      position = (await rename("Not yet")).position!;
      const [behind, waited] = await timed(alice.caller.board.get({ projectId, position }));
      expect(waited).toBeGreaterThanOrEqual(1900);
      expect(waited).toBeLessThan(4000);
      expect(behind.columns[0]!.tasks.map((t) => t.title)).toEqual(["Seen"]);
      expect(behind.lag).toEqual({ events: 1, parked: 0 });
    } finally {
      await release();
    }
    const [caughtUp, waited] = await timed(alice.caller.board.get({ projectId, position }));
    expect(waited).toBeLessThan(1900);
    expect(caughtUp.columns[0]!.tasks.map((t) => t.title)).toEqual(["Not yet"]);
    expect(caughtUp.lag).toEqual({ events: 0, parked: 0 });
  });

  it("filters the task list from its read model", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const ids = { ...cmd(), projectId, taskId };
    await alice.caller.task.addLabel({ ...ids, label: "ops" });
    const { position } = await alice.caller.task.changePriority({ ...cmd(), projectId, taskId, priority: "high" });
    const list = (filter: object) => alice.caller.task.list({ projectId, position: position!, ...filter }).then((l) => l.tasks.map((t) => t.id));
    expect(await list({ label: "ops", priority: "high" })).toEqual([taskId]);
    expect(await list({ label: "ui" })).toEqual([]);
    expect(await list({ search: "100%" })).toEqual([]);
    const { position: archived } = await alice.caller.task.archive({ ...cmd(), projectId, taskId });
    expect((await alice.caller.task.list({ projectId, position: archived! })).tasks).toEqual([]);
    expect((await alice.caller.task.list({ projectId, position: archived!, includeArchived: true })).tasks.map((t) => t.archived)).toEqual([true]);
  });
});
