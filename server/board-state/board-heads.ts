import { type ProjectCut, StateCache } from "../eventstore";
import type { LoadedBoard } from "./loaded-board";
import { processWide } from "../process-wide";

/**
 * The newest board a process has loaded for a project: the cut it is at, and how many events it holds beyond
 * the newest stored snapshot.
 */
export interface BoardHead {
  cut: ProjectCut;
  board: LoadedBoard;
  sinceSnapshot: number;
}

/**
 * Each project's newest loaded board, so that loading it now reads and folds only the events stored since
 * (a command's access check and each live update load the board). Bounded by the tasks held
 * (BOARD_HEAD_TASKS, 100,000 by default), least recently used first out. Boards in it are frozen: a fold
 * copies its records, and a caller that tried to change one would fail loudly rather than change it for all.
 */
export function boardHeads(): StateCache<BoardHead> {
  return processWide("chronoboardBoardHeads", () => new StateCache<BoardHead>(boardHeadTasks()));
}

/** How many tasks a process keeps of whole boards per cache (BOARD_HEAD_TASKS, 100,000 by default). */
export function boardHeadTasks(): number {
  const limit = Number(process.env.BOARD_HEAD_TASKS);
  return Number.isInteger(limit) && limit > 0 ? limit : 100_000;
}

export function keepHead(projectId: string, head: BoardHead): void {
  Object.freeze(head.board.tasks);
  Object.freeze(head.board.taskVersions);
  Object.freeze(head.board);
  boardHeads().set(projectId, head, Object.keys(head.board.tasks).length + 1);
}
