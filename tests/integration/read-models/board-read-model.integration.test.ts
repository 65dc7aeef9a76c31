import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { columnTasks } from "../../../server/domain";
import { getPool } from "../../../server/db";
import { appendToStream, readProject } from "../../../server/eventstore";
import { loadBoard } from "../../../server/board-state";
import { projectors, readModelBoard } from "../../../server/read-models";
import { boardProjector } from "../../../server/read-models/board/projector";
import { boardTables } from "../../../server/read-models/board/tables";
import { catchUp } from "../../../server/projectors/runner/batch";
import { saveCheckpoint } from "../../../server/projectors/runner/checkpoints";
import { type Projector, rebuild, waitForPosition } from "../../../server/projectors";
import { cmd } from "../helpers/api";
import { boardRows, busyProject, catchUpTo, inTransaction } from "../helpers/projections";

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
  // Label colours (a first choice and a change) are part of the project's row.
  await owner.caller.project.setLabelColour({ ...cmd(), projectId, label: "ui", colour: "teal" });
  await owner.caller.project.setLabelColour({ ...cmd(), projectId, label: "ui", colour: "purple" });
  await owner.caller.project.setLabelColour({ ...cmd(), projectId, label: "api", colour: "amber" });
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

/** The board projector writing into fresh copies of its tables, under its own name. */
async function boardCopy(kind: string) {
  const suffix = `_${kind}_${randomUUID().slice(0, 8)}`;
  for (const table of Object.values(boardTables())) await pool.query(`CREATE TABLE ${table}${suffix} (LIKE ${table} INCLUDING ALL)`);
  return { suffix, projector: boardProjector(suffix, `board.${kind}${suffix}`) };
}

/** The same projector without its batch handler: the runner hands it one event at a time. */
function oneByOne(projector: Projector): Projector {
  return { name: projector.name, handle: projector.handle };
}

/** boardProject, plus, after it, a column added, a task created in it, moved out and archived, and the column removed. */
async function projectWithShortLivedColumn() {
  const project = await boardProject();
  const { owner, projectId } = project;
  const { columns } = await owner.caller.board.get({ projectId });
  const { columnId } = await owner.caller.column.add({ ...cmd(), projectId, name: "Short-lived" });
  const { taskId } = await owner.caller.task.create({ ...cmd(), projectId, columnId, title: "Passing through" });
  await owner.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: columns[1]!.id, afterTaskId: null });
  await owner.caller.column.remove({ ...cmd(), projectId, columnId });
  const { position } = await owner.caller.task.archive({ ...cmd(), projectId, taskId });
  return { ...project, lastPosition: position! };
}

describe("the board read model", () => {
  it("holds what the fold of the log holds: columns in order with WIP limits and counts, cards with every field", async () => {
    const { projectId, lastPosition } = await boardProject();
    expect(await waitForPosition(pool, board.name, lastPosition, 10_000)).toBe(true);

    const folded = await loadBoard(pool, projectId);
    const { taskCounts, ...model } = (await readModelBoard(pool, projectId))!;
    expect(model).toEqual(folded);
    expect(folded.labelColours).toEqual({ ui: "purple", api: "amber" });
    expect(Object.values(folded.tasks).every((t) => t.updatedBy === folded.project.ownerId)).toBe(true);
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

    await inTransaction(pool, async (tx) => {
      for (const event of await readProject(tx, projectId)) await board.handle(tx, event);
    });
    expect(await readModelBoard(pool, projectId)).toEqual(before);

    // What board.get shows comes from the tables: a name changed there (and only there) shows.
    await pool.query(`UPDATE board_projects SET name = 'From the read model' WHERE project_id = $1`, [projectId]);
    const shown = await owner.caller.board.get({ projectId });
    expect(shown.project.name).toBe("From the read model");
    expect(shown.lag).toEqual({ events: 0, parked: 0 });
    expect(shown.columns.map((c) => c.taskCount)).toEqual([0, 0, 1, 1]);
  });

  it("never answers cards it read before once a card row changed, however it changed", async () => {
    const { owner, projectId, taskIds, lastPosition } = await boardProject();
    await waitForPosition(pool, board.name, lastPosition, 10_000);
    const first = (await readModelBoard(pool, projectId))!;
    // Unchanged rows: the cards read before, shared.
    expect((await readModelBoard(pool, projectId))!.tasks).toBe(first.tasks);

    // A projected event.
    const { position } = await owner.caller.task.rename({ ...cmd(), projectId, taskId: taskIds[1]!, title: "Renamed since" });
    await waitForPosition(pool, board.name, position!, 10_000);
    const renamed = (await readModelBoard(pool, projectId))!;
    expect(renamed.tasks[taskIds[1]!]!.title).toBe("Renamed since");
    expect(renamed).toEqual({ ...(await loadBoard(pool, projectId)), taskCounts: renamed.taskCounts });

    // A row rewritten with the same version (a migration filling a column, a rebuild's swap), then one removed.
    await pool.query(`UPDATE board_cards SET title = 'Rewritten' WHERE task_id = $1`, [taskIds[0]!]);
    expect((await readModelBoard(pool, projectId))!.tasks[taskIds[0]!]!.title).toBe("Rewritten");
    const listed = await owner.caller.board.get({ projectId });
    expect(listed.columns.flatMap((c) => c.tasks.map((t) => t.title))).toContain("Rewritten");
    await pool.query(`DELETE FROM board_cards WHERE task_id = $1`, [taskIds[0]!]);
    const { tasks } = (await readModelBoard(pool, projectId))!;
    expect(tasks[taskIds[0]!]).toBeUndefined();
    expect(Object.keys(tasks)).toHaveLength(Object.keys(renamed.tasks).length - 1);

    // The board.get answer follows the rows, and its card lists are the same objects while the rows stay.
    const shown = await owner.caller.board.get({ projectId });
    expect(shown.columns.flatMap((c) => c.tasks.map((t) => t.id))).not.toContain(taskIds[0]!);
    const again = await owner.caller.board.get({ projectId });
    shown.columns.forEach((column, i) => expect(again.columns[i]!.tasks).toBe(column.tasks));
  });

  it("rebuilds into fresh tables that equal the live ones row for row while the live projector runs, and swaps them in", async () => {
    const projects = [await boardProject(), await boardProject()];
    for (const { lastPosition } of projects) await waitForPosition(pool, board.name, lastPosition, 10_000);
    const ids = projects.map((p) => p.projectId);
    const live = await boardRows(pool, ids);
    expect(live.cards).toHaveLength(6);

    expect(await rebuild(pool, board, { retry })).toBeGreaterThan(0);
    expect(await boardRows(pool, ids)).toEqual(live);
    const tables = await pool.query(`SELECT tablename FROM pg_tables WHERE tablename ~ '^board_(projects|columns|cards)(_rebuild)?$' ORDER BY 1`);
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

  it("folds a project's whole history in one batch as it handles the events one by one, and as the live model holds it", async () => {
    const { projectId, lastPosition } = await projectWithShortLivedColumn();
    const events = await readProject(pool, projectId);
    const batched = await boardCopy("batched");
    const single = await boardCopy("single");
    await inTransaction(pool, (tx) => batched.projector.handleBatch!(tx, events));
    await inTransaction(pool, async (tx) => {
      for (const event of events) await single.projector.handle(tx, event);
    });
    const rows = await boardRows(pool, [projectId], batched.suffix);
    expect(rows.cards).toHaveLength(4);
    expect(rows.columns).toHaveLength(4);
    expect(rows.columns.map((c) => c.task_count).sort()).toEqual([0, 0, 1, 1]);
    expect(rows.projects[0].position).toBe(String(lastPosition));
    expect(await boardRows(pool, [projectId], single.suffix)).toEqual(rows);
    expect(await waitForPosition(pool, board.name, lastPosition, 10_000)).toBe(true);
    expect(await boardRows(pool, [projectId])).toEqual(rows);

    // Again (an operator's retry, a rebuild's catch-up): nothing changes.
    await inTransaction(pool, (tx) => batched.projector.handleBatch!(tx, events));
    expect(await boardRows(pool, [projectId], batched.suffix)).toEqual(rows);
  });

  it("falls back to one event at a time when a batch holds a poison event: it is parked, its task's later events held, the rest applied", async () => {
    const { owner, projectId, taskIds } = await projectWithShortLivedColumn();
    const [first] = await readProject(pool, projectId);
    const append = (version: number, payload: unknown) =>
      appendToStream(pool, {
        aggregateType: "task",
        aggregateId: taskIds[1]!,
        projectId,
        expectedVersion: version,
        events: [{ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload }],
        metadata: { userId: owner.user.id, correlationId: randomUUID(), causationId: randomUUID() },
      }).then(({ events }) => events[0]!);
    const { version } = (await readProject(pool, projectId)).filter((e) => e.aggregateId === taskIds[1]).at(-1)!;
    const poison = await append(version, { title: 42 });
    const held = await append(version + 1, { title: "After the poison" });
    const { position } = await owner.caller.task.rename({ ...cmd(), projectId, taskId: taskIds[0]!, title: "Applied anyway" });

    // Both start just before the project's first event (the rest of the log is other tests').
    const batched = await boardCopy("fallback");
    const single = await boardCopy("fallback_single");
    await inTransaction(pool, async (tx) => {
      for (const { name } of [batched.projector, single.projector]) {
        await saveCheckpoint(tx, name, { transactionId: first!.transactionId, position: first!.position - 1 });
      }
    });
    await catchUpTo(pool, batched.projector, position!, retry);
    await catchUpTo(pool, oneByOne(single.projector), position!, retry);

    const rows = await boardRows(pool, [projectId], batched.suffix);
    const cards = Object.fromEntries(rows.cards.map((c) => [c.task_id, c.title]));
    expect([cards[taskIds[0]!], cards[taskIds[1]!]]).toEqual(["Applied anyway", "Second, renamed"]);
    expect(await boardRows(pool, [projectId], single.suffix)).toEqual(rows);
    const letters = async (name: string) =>
      (await pool.query(`SELECT event_id, status, attempts FROM dead_letters WHERE projector = $1 ORDER BY position`, [name])).rows;
    expect(await letters(batched.projector.name)).toEqual([
      { event_id: poison.eventId, status: "parked", attempts: retry.attempts },
      { event_id: held.eventId, status: "held", attempts: 0 },
    ]);
    expect(await letters(single.projector.name)).toEqual(await letters(batched.projector.name));
  });

  it("after a crash between read-model writes and the checkpoint, a restart equals a fresh rebuild", async () => {
    // A copy of the read model under its own name and tables, so the app's board projector is not in the way.
    const { suffix, projector: copy } = await boardCopy("crash");
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

