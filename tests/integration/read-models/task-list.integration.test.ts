import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readProject } from "../../../server/eventstore";
import { loadBoard } from "../../../server/board-state";
import { projectors } from "../../../server/read-models";
import { catchUp } from "../../../server/projectors/runner/batch";
import { type Projector, rebuild, waitForPosition } from "../../../server/projectors";
import type { RebuildProgress } from "../../../server/projectors/runner/rebuild";
import { taskListProjector } from "../../../server/read-models/task-list/projector";
import { testPool } from "../helpers/db";
import { busyProject, catchUpTo, inTransaction, taskListRows } from "../helpers/projections";

// As the owner: a rebuild creates and swaps tables (npm run projections:rebuild runs as the owner too).
const pool = testPool();
const taskList = projectors.task_list!;
// Other test files append malformed events meanwhile; they are parked quickly rather than slowing these tests.
const retry = { attempts: 2, backoffMs: 1 };

async function checkpointPosition(name: string) {
  const { rows } = await pool.query<{ position: string }>(`SELECT position FROM projection_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? Number(rows[0].position) : 0;
}

/** The task list projector writing into a fresh copy of its table, under its own name. */
async function taskListCopy(kind: string) {
  const table = `task_list_${kind}_${randomUUID().slice(0, 8)}`;
  await pool.query(`CREATE TABLE ${table} (LIKE task_list INCLUDING ALL)`);
  return taskListProjector(table, `task_list.${kind}.${table}`);
}

describe("the task_list read model", () => {
  it("holds one row per task as the board folds it from the log", async () => {
    const { projectId, taskIds, lastPosition } = await busyProject();
    expect(await waitForPosition(pool, taskList.name, lastPosition, 10_000)).toBe(true);

    const board = await loadBoard(pool, projectId);
    const expected = Object.values(board.tasks)
      .map((task) => ({
        task_id: task.id,
        project_id: projectId,
        title: task.title,
        column_id: task.columnId,
        assignee_id: task.assigneeId,
        priority: task.priority,
        labels: task.labels,
        due_date: task.dueDate,
        archived: task.archived,
        version: board.taskVersions[task.id],
        updated_at: task.updatedAt,
      }))
      .sort((a, b) => (a.task_id < b.task_id ? -1 : 1));
    expect(expected.map((row) => row.task_id).sort()).toEqual([...taskIds].sort());
    expect(await taskListRows(pool, [projectId])).toEqual(expected);
  });

  it("folds a project's whole history in one batch as it handles the events one by one", async () => {
    const { projectId, lastPosition } = await busyProject();
    const events = await readProject(pool, projectId);
    const batched = await taskListCopy("batched");
    const single = await taskListCopy("single");
    await inTransaction(pool, (tx) => batched.handleBatch!(tx, events));
    await inTransaction(pool, async (tx) => {
      for (const event of events) await single.handle(tx, event);
    });
    const rows = await taskListRows(pool, [projectId], batched.table);
    expect(rows).toHaveLength(3);
    expect(await taskListRows(pool, [projectId], single.table)).toEqual(rows);
    expect(await waitForPosition(pool, taskList.name, lastPosition, 10_000)).toBe(true);
    expect(await taskListRows(pool, [projectId])).toEqual(rows);
  });

  it("rebuilds into a fresh table that equals the live one row for row, and swaps it in", async () => {
    const busy = [await busyProject(), await busyProject()];
    for (const { lastPosition } of busy) await waitForPosition(pool, taskList.name, lastPosition, 10_000);
    const projects = busy.map((p) => p.projectId);
    const live = await taskListRows(pool, projects);
    expect(live).toHaveLength(6);

    const progress: RebuildProgress[] = [];
    const replayed = await rebuild(pool, taskList, { retry, onProgress: (p) => progress.push(p) });
    expect(replayed).toBeGreaterThan(0);
    expect(progress.at(-1)!.events).toBe(replayed);
    expect(progress.at(-1)!.position).toBeGreaterThanOrEqual(progress[0]!.target);

    expect(await taskListRows(pool, projects)).toEqual(live);
    const tables = await pool.query(`SELECT tablename FROM pg_tables WHERE tablename IN ('task_list', 'task_list_rebuild') ORDER BY 1`);
    expect(tables.rows).toEqual([{ tablename: "task_list" }]);
    const indexes = await pool.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'task_list' ORDER BY 1`);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(["task_list_pkey", "task_list_project_id_column_id_idx"]);
    expect(await checkpointPosition("task_list.rebuild")).toBe(0);

    // The swapped-in table goes on following the feed.
    const later = await busyProject();
    await waitForPosition(pool, taskList.name, later.lastPosition, 10_000);
    expect(await taskListRows(pool, [later.projectId])).toHaveLength(3);
  });

  it("after a crash between read-model writes and the checkpoint, a restart equals a fresh rebuild", async () => {
    // A copy of the read model under its own name and table, so the app's task_list projector is not in the way.
    const copy = await taskListCopy("crash");
    const { table } = copy;
    await catchUp(pool, copy, retry);
    const { projectId, lastPosition } = await busyProject();

    // The connection dies mid-batch, right after the project's first task row was written.
    let written = 0;
    const crashing: Projector = {
      name: copy.name,
      async handle(tx, event) {
        await copy.handle(tx, event);
        if (event.projectId === projectId && event.aggregateType === "task" && ++written === 1) {
          expect(await tx.query(`SELECT 1 FROM ${table} WHERE task_id = $1`, [event.aggregateId])).toMatchObject({ rowCount: 1 });
          await tx.query(`SELECT pg_terminate_backend(pg_backend_pid())`);
        }
      },
    };
    await expect(catchUp(pool, crashing, retry)).rejects.toThrow(/terminat/);
    expect(written).toBe(1);
    // Neither the row nor the checkpoint past it survived.
    expect(await taskListRows(pool, [projectId], table)).toEqual([]);
    const passed = await pool.query(
      `SELECT count(*)::int AS n FROM events e JOIN projection_checkpoints c ON c.name = $2
       WHERE e.project_id = $1 AND e.aggregate_type = 'task' AND (e.transaction_id, e.position) <= (c.transaction_id, c.position)`,
      [projectId, copy.name],
    );
    expect(passed.rows[0].n).toBe(0);

    await catchUpTo(pool, copy, lastPosition, retry);
    const restarted = await taskListRows(pool, [projectId], table);
    expect(restarted).toHaveLength(3);
    await rebuild(pool, copy, { retry });
    expect(await taskListRows(pool, [projectId], table)).toEqual(restarted);
  });
});
