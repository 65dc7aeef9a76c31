import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { type Board, boardContext, columnTasks } from "../../../server/domain";
import { type CommandBoard, loadBoard, loadCommandBoard } from "../../../server/board-state";
import { commandIndexes } from "../../../server/board-state/command-board";
import { boardHeads } from "../../../server/board-state/board-heads";
import { cmd, signedUpUser } from "../helpers/api";

const pool = getPool();

/** The same random choices on every run, so a failure repeats. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** What move.ts computed from the whole board before the command board: the ranks around the place. */
function betweenOnBoard(board: Board, columnId: string, afterTaskId: string | null, taskId: string) {
  const others = columnTasks(board, columnId).filter((t) => t.id !== taskId);
  const index = afterTaskId === null ? -1 : others.findIndex((t) => t.id === afterTaskId);
  if (index === -1 && afterTaskId !== null) return null;
  return { before: others[index]?.rank ?? null, after: others[index + 1]?.rank ?? null };
}

/** The command board answers every question a command asks as the whole board does. */
function expectAgrees(commandBoard: CommandBoard, board: Board) {
  expect(commandBoard.context).toEqual(boardContext(board));
  const ids = Object.keys(board.tasks);
  for (const column of board.columns) {
    expect(commandBoard.lastRank(column.id)).toBe(columnTasks(board, column.id).at(-1)?.rank ?? null);
    for (const taskId of ids) {
      for (const after of [null, ...ids]) expect(commandBoard.between(column.id, after, taskId)).toEqual(betweenOnBoard(board, column.id, after, taskId));
    }
  }
  for (const taskId of ids) expect(commandBoard.hasTask(taskId)).toBe(true);
}

async function projectWithTasks(count: number) {
  const alice = await signedUpUser("Alice");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Index" });
  const { columns } = await alice.caller.board.get({ projectId });
  const taskIds: string[] = [];
  for (let i = 0; i < count; i++) taskIds.push((await alice.caller.task.create({ ...cmd(), projectId, columnId: columns[i % 2]!.id, title: `T${i}` })).taskId);
  return { alice, projectId, columnIds: columns.map((c) => c.id), taskIds };
}

describe("a project's command board", () => {
  it("agrees with the whole board after any mix of moves, creates, archives and restores", async () => {
    const { alice, projectId, columnIds, taskIds } = await projectWithTasks(6);
    const next = random(19);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    const archived = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const roll = next();
      const taskId = pick(taskIds);
      if (roll < 0.55 && !archived.has(taskId)) {
        const toColumnId = pick(columnIds);
        const live = columnTasks(await loadBoard(pool, projectId), toColumnId).filter((t) => t.id !== taskId);
        const afterTaskId = live.length > 0 && next() < 0.7 ? pick(live).id : null;
        await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId, afterTaskId });
      } else if (roll < 0.7) {
        taskIds.push((await alice.caller.task.create({ ...cmd(), projectId, columnId: pick(columnIds), title: `New ${step}` })).taskId);
      } else if (archived.has(taskId)) {
        await alice.caller.task.restore({ ...cmd(), projectId, taskId });
        archived.delete(taskId);
      } else {
        await alice.caller.task.archive({ ...cmd(), projectId, taskId });
        archived.add(taskId);
      }
      if (step % 5 === 4) expectAgrees(await loadCommandBoard(pool, projectId), await loadBoard(pool, projectId));
    }
    // Built afresh (another instance, a restart): from the board, and the same again.
    commandIndexes().delete(projectId);
    boardHeads().delete(projectId);
    expectAgrees(await loadCommandBoard(pool, projectId), await loadBoard(pool, projectId));
  });

  it("stays as it was read while later commands change the columns", async () => {
    const { alice, projectId, columnIds, taskIds } = await projectWithTasks(4);
    const [todo, doing] = columnIds;
    const before = await loadCommandBoard(pool, projectId);
    const was = { context: before.context, top: before.between(doing!, null, "none"), last: before.lastRank(todo!) };
    await alice.caller.task.move({ ...cmd(), projectId, taskId: taskIds[0]!, toColumnId: doing!, afterTaskId: null });
    await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!, title: "Later" });
    const after = await loadCommandBoard(pool, projectId);
    expect({ context: before.context, top: before.between(doing!, null, "none"), last: before.lastRank(todo!) }).toEqual(was);
    expect(after.lastRank(todo!)).not.toBe(was.last);
    expect(after.between(doing!, null, "none")!.after).not.toBe(was.top!.after);
  });

  it("applies each event once when loads and commands run at the same moment", async () => {
    const { alice, projectId, columnIds, taskIds } = await projectWithTasks(8);
    await loadCommandBoard(pool, projectId);
    await Promise.all([
      ...taskIds.map((taskId, i) => alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: columnIds[(i + 1) % columnIds.length]!, afterTaskId: null })),
      ...columnIds.map((columnId) => alice.caller.task.create({ ...cmd(), projectId, columnId, title: "Together" })),
      ...taskIds.map(() => loadCommandBoard(pool, projectId)),
    ]);
    expectAgrees(await loadCommandBoard(pool, projectId), await loadBoard(pool, projectId));
  });
});
