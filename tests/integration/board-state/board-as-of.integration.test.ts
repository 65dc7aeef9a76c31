import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { boardContext, columnTasks } from "../../../server/domain";
import { appendToStream, backgroundWorkDone, snapshotPolicy } from "../../../server/eventstore";
import { loadBoard, snapshotBoard } from "../../../server/board-state";
import { boardHeads } from "../../../server/board-state/board-heads";
import { BOARD_STATE_SCHEMA_VERSION } from "../../../server/board-state/board-snapshots";
import { metadata, testPool } from "../helpers/db";
import { minute, naiveBoardAsOf, projectHistory } from "../helpers/history";

const pool = testPool();
const defaultEvery = snapshotPolicy.boardEvery;
afterEach(async () => {
  snapshotPolicy.boardEvery = defaultEvery;
  await backgroundWorkDone();
});

/**
 * 09:00 project created · 09:01 bob joins · 09:02 task A · 09:03 task B · 09:04 A moves to Doing ·
 * 09:05 B renamed · 09:06 B archived · 09:07 A labelled.
 */
async function sixMinutesOfWork() {
  const history = projectHistory(pool);
  const { projectId, todo, doing } = history;
  const [a, b] = [randomUUID(), randomUUID()];
  await history.create(minute(0));
  await history.project(minute(1), { type: "AddMember", projectId, userId: "bob", role: "member" });
  const context = async () => boardContext(await loadBoard(pool, projectId));
  await history.task(minute(2), a, { type: "CreateTask", taskId: a, projectId, columnId: todo, rank: "a0", title: "A", board: await context() });
  await history.task(minute(3), b, { type: "CreateTask", taskId: b, projectId, columnId: todo, rank: "a1", title: "B", board: await context() }, "bob");
  await history.task(minute(4), a, { type: "MoveTask", taskId: a, toColumnId: doing, rank: "a0", board: await context() });
  await history.task(minute(5), b, { type: "RenameTask", taskId: b, title: "B, renamed" });
  await history.task(minute(6), b, { type: "ArchiveTask", taskId: b });
  await history.task(minute(7), a, { type: "AddLabel", taskId: a, label: "docs" });
  return { ...history, a, b };
}

const justBefore = (instant: Date) => new Date(instant.getTime() - 1);
const live = (board: Awaited<ReturnType<typeof loadBoard>>, columnId: string) => columnTasks(board, columnId).map((task) => task.title);

describe("the board as of an instant", () => {
  it("answers the edge cases exactly, with and without board snapshots", async () => {
    const { projectId, todo, doing, a, b } = await sixMinutesOfWork();
    const check = async () => {
      // Before the project existed: a board that does not exist, not an empty one.
      expect((await loadBoard(pool, projectId, { until: justBefore(minute(0)) })).project.exists).toBe(false);
      expect((await loadBoard(pool, projectId, { until: minute(0) })).project).toMatchObject({ exists: true, name: "History" });
      // An instant equal to an event's timestamp includes it; a millisecond earlier does not.
      expect((await loadBoard(pool, projectId, { until: minute(2) })).tasks[a]).toBeDefined();
      expect((await loadBoard(pool, projectId, { until: justBefore(minute(2)) })).tasks[a]).toBeUndefined();
      // Between two events.
      const midway = await loadBoard(pool, projectId, { until: new Date(minute(4).getTime() + 30_000) });
      expect(live(midway, todo)).toEqual(["B"]);
      expect(live(midway, doing)).toEqual(["A"]);
      expect(midway.taskVersions).toEqual({ [a]: 2, [b]: 1 });
      // Created and archived within the range.
      expect((await loadBoard(pool, projectId, { until: minute(5) })).tasks[b]).toMatchObject({ title: "B, renamed", archived: false });
      expect((await loadBoard(pool, projectId, { until: minute(6) })).tasks[b]).toMatchObject({ archived: true });
      // The future is now.
      expect(await loadBoard(pool, projectId, { until: new Date("2100-01-01T00:00:00Z") })).toEqual(await loadBoard(pool, projectId));
      for (let m = -1; m <= 8; m += 0.5) {
        expect(await loadBoard(pool, projectId, { until: minute(m) })).toEqual(await naiveBoardAsOf(pool, projectId, minute(m)));
      }
    };
    await check();
    await snapshotBoard(pool, projectId, { until: minute(3) });
    await snapshotBoard(pool, projectId, { until: minute(5.5) });
    await snapshotBoard(pool, projectId);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM board_snapshots WHERE project_id = $1`, [projectId]);
    expect(rows[0].n).toBe(3);
    await check();
  });

  it("replays an event that committed after a board snapshot was taken although it was stamped before it", async () => {
    const history = projectHistory(pool);
    const { projectId, todo } = history;
    await history.create(new Date(Date.now() - 60_000));
    const late = await pool.connect();
    try {
      await late.query("BEGIN");
      const taskId = randomUUID();
      const created = { projectId, columnId: todo, rank: "a0", title: "Late", description: "", priority: "none", assigneeId: null, labels: [], dueDate: null };
      // Stamped now by the database clock, committed only after the snapshot below.
      await appendToStream(late, {
        aggregateType: "task", aggregateId: taskId, projectId, expectedVersion: 0, metadata: metadata(),
        events: [{ eventId: randomUUID(), eventType: "TaskCreated", eventVersion: 2, payload: created }],
      });
      await new Promise((resolve) => setTimeout(resolve, 5)); // so the rename is stamped in a later millisecond
      await history.project(new Date(), { type: "RenameProject", projectId, name: "Renamed while it ran" });
      await snapshotBoard(pool, projectId);
      expect((await loadBoard(pool, projectId)).tasks[taskId]).toBeUndefined();
      await late.query("COMMIT");

      const now = await loadBoard(pool, projectId);
      expect(now.tasks[taskId]).toMatchObject({ title: "Late" });
      expect(now.project.name).toBe("Renamed while it ran");
      const stampedAt = now.tasks[taskId]!.createdAt;
      const { rows } = await pool.query(`SELECT covers_until FROM board_snapshots WHERE project_id = $1`, [projectId]);
      expect(stampedAt < rows[0].covers_until).toBe(true);
      for (const instant of [stampedAt, new Date()]) {
        expect(await loadBoard(pool, projectId, { until: instant })).toEqual(await naiveBoardAsOf(pool, projectId, instant));
      }
    } finally {
      late.release();
    }
  });

  it("replays an event stamped with the very instant of the snapshot it came after", async () => {
    const history = projectHistory(pool);
    const { projectId } = history;
    await history.create(minute(0));
    await history.project(minute(1), { type: "RenameProject", projectId, name: "First" });
    await snapshotBoard(pool, projectId);
    await history.project(minute(1), { type: "AddMember", projectId, userId: "bob", role: "viewer" });
    const board = await loadBoard(pool, projectId, { until: minute(1) });
    expect(board.members).toEqual({ "user-1": "owner", bob: "viewer" });
    expect(board).toEqual(await naiveBoardAsOf(pool, projectId, minute(1)));
  });

  it("ignores a board snapshot of another state schema version and replaces it", async () => {
    const { projectId } = await sixMinutesOfWork();
    await pool.query(
      `INSERT INTO board_snapshots (project_id, covers_until, visibility, position, state_schema_version, state)
       VALUES ($1, $2, pg_current_snapshot(), 1, 0, '{"shape": "from an older release"}')`,
      [projectId, minute(3)],
    );
    expect(await loadBoard(pool, projectId, { until: minute(5) })).toEqual(await naiveBoardAsOf(pool, projectId, minute(5)));
    await snapshotBoard(pool, projectId);
    const { rows } = await pool.query(`SELECT state_schema_version FROM board_snapshots WHERE project_id = $1`, [projectId]);
    expect(rows).toEqual([{ state_schema_version: BOARD_STATE_SCHEMA_VERSION }]);
  });

  it("stores a board snapshot after a load that folded N events or more, and loads from it with its dates intact", async () => {
    snapshotPolicy.boardEvery = 11;
    const { projectId } = await sixMinutesOfWork();
    const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM board_snapshots WHERE project_id = $1`, [projectId])).rows[0].n;
    await loadBoard(pool, projectId, { until: minute(5) }); // 9 events
    await backgroundWorkDone();
    expect(await count()).toBe(0);
    const board = await loadBoard(pool, projectId); // 11 events
    await backgroundWorkDone();
    expect(await count()).toBe(1);
    boardHeads().delete(projectId); // as a process that has not loaded the board yet
    const fromSnapshot = await loadBoard(pool, projectId);
    expect(fromSnapshot).toEqual(board);
    expect(Object.values(fromSnapshot.tasks)[0]!.createdAt).toBeInstanceOf(Date);
  });
});
