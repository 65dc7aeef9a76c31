import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { boardContext } from "../../../server/domain";
import { backgroundWorkDone, snapshotPolicy } from "../../../server/eventstore";
import { loadBoard } from "../../../server/board-state";
import { boardHeads } from "../../../server/board-state/board-heads";
import { testPool } from "../helpers/db";
import { naiveBoardAsOf, projectHistory } from "../helpers/history";

const pool = testPool();
const defaultEvery = snapshotPolicy.boardEvery;
afterEach(async () => {
  snapshotPolicy.boardEvery = defaultEvery;
  await backgroundWorkDone();
});

const snapshots = async (projectId: string) =>
  (await pool.query(`SELECT count(*)::int AS n FROM board_snapshots WHERE project_id = $1`, [projectId])).rows[0].n;

describe("the newest board a process has loaded", () => {
  it("is where the next load starts from: it folds only the events stored since, whoever stored them", async () => {
    const history = projectHistory(pool);
    const { projectId, todo } = history;
    await history.create(new Date());
    const first = await loadBoard(pool, projectId);
    expect(boardHeads().get(projectId)?.board).toBe(first);

    // Stored by "another instance": this process learns of it only from the log.
    const taskId = randomUUID();
    await history.task(new Date(), taskId, { type: "CreateTask", taskId, projectId, columnId: todo, rank: "a0", title: "Elsewhere", board: boardContext(first) });
    const second = await loadBoard(pool, projectId);
    expect(second.tasks[taskId]).toMatchObject({ title: "Elsewhere" });
    expect(second).toEqual(await naiveBoardAsOf(pool, projectId, new Date()));
    // The first board is as it was: each load folds onto a copy.
    expect(first.tasks[taskId]).toBeUndefined();
    // Nothing new: the same board again.
    expect(await loadBoard(pool, projectId)).toBe(second);
  });

  it("is frozen, so that a caller cannot change it for every other caller", async () => {
    const history = projectHistory(pool);
    await history.create(new Date());
    const board = await loadBoard(pool, history.projectId);
    expect(() => {
      board.taskVersions.someone = 1;
    }).toThrow(TypeError);
  });

  it("still stores a board snapshot every N events, for the loads of past instants", async () => {
    const history = projectHistory(pool);
    const { projectId } = history;
    await history.create(new Date());
    const created = (await pool.query(`SELECT count(*)::int AS n FROM events WHERE project_id = $1`, [projectId])).rows[0].n;
    snapshotPolicy.boardEvery = created + 3;
    await loadBoard(pool, projectId);
    for (const name of ["One", "Two"]) await history.project(new Date(), { type: "RenameProject", projectId, name });
    await loadBoard(pool, projectId); // 2 events after the first load: N - 1 in all
    await backgroundWorkDone();
    expect(await snapshots(projectId)).toBe(0);
    await history.project(new Date(), { type: "RenameProject", projectId, name: "Three" });
    const board = await loadBoard(pool, projectId); // N
    await backgroundWorkDone();
    expect(await snapshots(projectId)).toBe(1);
    // A process without the board (another instance, or after a restart) starts from that snapshot.
    boardHeads().delete(projectId);
    expect(await loadBoard(pool, projectId)).toEqual(board);
  });
});
