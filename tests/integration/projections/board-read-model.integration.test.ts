import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { columnTasks } from "../../../server/domain";
import { getPool } from "../../../server/db/pool";
import { appendToStream, readProject } from "../../../server/eventstore";
import { loadBoard } from "../../../server/projections/board";
import { readModelBoard } from "../../../server/projections/board-read-model/load";
import { boardProjector } from "../../../server/projections/board-read-model/projector";
import { boardTables } from "../../../server/projections/board-read-model/tables";
import { projectors } from "../../../server/projections/registry";
import { catchUp } from "../../../server/projections/runner/batch";
import type { Projector } from "../../../server/projections/runner/projector";
import { waitForPosition } from "../../../server/projections/runner/progress";
import { rebuild } from "../../../server/projections/runner/rebuild";
import { cmd } from "../helpers/api";
import { boardRows, busyProject, catchUpTo } from "../helpers/projections";

const pool = getPool();
const board = projectors.board!;
const retry = { attempts: 2, backoffMs: 1 };

/** busyProject, plus comments, column changes and a task move stored in its old event version (upcast on read). */
async function boardProject() {
  const { owner, projectId, taskIds } = await busyProject();
  const ids = (taskId: string) => ({ ...cmd(), projectId, taskId });
  await owner.caller.task.comment({ ...ids(taskIds[0]!), body: "First comment" });
  await owner.caller.task.changeDescription({ ...ids(taskIds[1]!), description: "What it is about" });
  const { columns } = await owner.caller.board.get({ projectId });
  const column = (columnId: string) => ({ ...cmd(), projectId, columnId });
  await owner.caller.column.rename({ ...column(columns[2]!.id), name: "Checking" });
  await owner.caller.column.setWipLimit({ ...column(columns[1]!.id), wipLimit: 3 });
  await owner.caller.column.move({ ...column(columns[3]!.id), toIndex: 0 });
  const { columnId: extra } = await owner.caller.column.add({ ...cmd(), projectId, name: "Later" });
  await owner.caller.column.remove({ ...column(extra) });
  const { version } = await owner.caller.task.rename({ ...ids(taskIds[0]!), title: "First, renamed" });
  const { events } = await appendToStream(pool, {
    aggregateType: "task",
    aggregateId: taskIds[0]!,
    projectId,
    expectedVersion: version,
    events: [{ eventId: randomUUID(), eventType: "TaskMoved", eventVersion: 1, payload: { fromColumnId: columns[0]!.id, toColumnId: columns[2]!.id, wipLimitOverridden: false } }],
    metadata: { userId: owner.user.id, correlationId: randomUUID(), causationId: randomUUID() },
  });
  return { owner, projectId, taskIds, lastPosition: events[0]!.position };
}

describe("the board read model", () => {
  it("holds what the fold of the log holds: columns in order with WIP limits and counts, cards with every field", async () => {
    const { projectId, lastPosition } = await boardProject();
    expect(await waitForPosition(pool, board.name, lastPosition, 10_000)).toBe(true);

    const folded = await loadBoard(pool, projectId);
    const { taskCounts, ...model } = (await readModelBoard(pool, projectId))!;
    expect(model).toEqual(folded);
    expect(folded.columns.map((c) => c.name)).toEqual(["Done", "To do", "In progress", "Checking"]);
    expect(Object.values(folded.tasks).some((t) => t.commentCount === 1)).toBe(true);
    expect(taskCounts).toEqual(Object.fromEntries(folded.columns.map((c) => [c.id, columnTasks(folded, c.id).length])));
    // Done (moved first) is empty, To do holds only the archived task, the other two one task each.
    expect(Object.values(taskCounts)).toEqual([0, 0, 1, 1]);
  });

  it("answers board.get, and applies an event it has applied already not again", async () => {
    const { owner, projectId, lastPosition } = await boardProject();
    await waitForPosition(pool, board.name, lastPosition, 10_000);
    const before = await readModelBoard(pool, projectId);

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const event of await readProject(client, projectId)) await board.handle(client, event);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(await readModelBoard(pool, projectId)).toEqual(before);

    // What board.get shows comes from the tables: a name changed there (and only there) shows.
    await pool.query(`UPDATE board_projects SET name = 'From the read model' WHERE project_id = $1`, [projectId]);
    const shown = await owner.caller.board.get({ projectId });
    expect(shown.project.name).toBe("From the read model");
    expect(shown.lag).toEqual({ events: 0, parked: 0 });
    expect(shown.columns.map((c) => c.taskCount)).toEqual([0, 0, 1, 1]);
  });

  it("rebuilds into fresh tables that equal the live ones row for row while the live projector runs, and swaps them in", async () => {
    const projects = [await boardProject(), await boardProject()];
    for (const { lastPosition } of projects) await waitForPosition(pool, board.name, lastPosition, 10_000);
    const ids = projects.map((p) => p.projectId);
    const live = await boardRows(pool, ids);
    expect(live.cards).toHaveLength(6);

    expect(await rebuild(pool, board, { retry })).toBeGreaterThan(0);
    expect(await boardRows(pool, ids)).toEqual(live);
    const tables = await pool.query(`SELECT tablename FROM pg_tables WHERE tablename ~ '^board_(projects|columns|cards)' ORDER BY 1`);
    expect(tables.rows.map((r) => r.tablename)).toEqual(["board_cards", "board_columns", "board_projects"]);
    const indexes = await pool.query(`SELECT indexname FROM pg_indexes WHERE tablename IN ('board_projects', 'board_columns', 'board_cards') ORDER BY 1`);
    expect(indexes.rows.map((r) => r.indexname)).toEqual([
      "board_cards_pkey",
      "board_cards_project_id_column_id_idx",
      "board_columns_pkey",
      "board_projects_pkey",
    ]);

    // The swapped-in tables go on following the feed.
    const later = await boardProject();
    await waitForPosition(pool, board.name, later.lastPosition, 10_000);
    expect((await boardRows(pool, [later.projectId])).cards).toHaveLength(3);
  });

  it("after a crash between read-model writes and the checkpoint, a restart equals a fresh rebuild", async () => {
    // A copy of the read model under its own name and tables, so the app's board projector is not in the way.
    const suffix = `_crash_${randomUUID().slice(0, 8)}`;
    const copy = boardProjector(suffix, `board.crash${suffix}`);
    for (const table of Object.values(boardTables())) await pool.query(`CREATE TABLE ${table}${suffix} (LIKE ${table} INCLUDING ALL)`);
    await catchUp(pool, copy, retry);
    const { projectId, lastPosition } = await boardProject();

    // The connection dies mid-batch, right after the project's second card was written.
    let written = 0;
    const crashing: Projector = {
      name: copy.name,
      async handle(tx, event) {
        await copy.handle(tx, event);
        if (event.projectId === projectId && event.aggregateType === "task" && ++written === 2) {
          await tx.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
        }
      },
    };
    await expect(catchUp(pool, crashing, retry)).rejects.toThrow(/terminat/);
    expect(written).toBe(2);
    expect(await boardRows(pool, [projectId], suffix)).toEqual({ projects: [], columns: [], cards: [] });

    await catchUpTo(pool, copy, lastPosition, retry);
    const restarted = await boardRows(pool, [projectId], suffix);
    expect(restarted.cards).toHaveLength(3);
    await rebuild(pool, copy, { retry });
    expect(await boardRows(pool, [projectId], suffix)).toEqual(restarted);
    expect(await boardRows(pool, [projectId])).toEqual(restarted);
  });
});

