import type { BoardPatch } from "@/server/api/board/patch";
import type { BoardColumn, BoardData, BoardTask } from "./types";

/**
 * The board with a live patch applied, or null when the patch was taken from another state than the one
 * drawn (the caller then refetches). Unchanged cards and columns keep their identity, so they do not redraw.
 */
export function applyBoardPatch(board: BoardData, patch: BoardPatch): BoardData | null {
  if (board.position !== patch.basePosition) return null;
  const tasks = new Map<string, BoardTask>(board.columns.flatMap((c) => c.tasks).map((t) => [t.id, t]));
  for (const task of patch.tasks) tasks.set(task.id, task);
  const changed = new Set(patch.changedTaskIds);

  const columns: BoardColumn[] = [];
  for (const { id, name, wipLimit } of patch.project?.columns ?? board.columns) {
    const before = board.columns.find((c) => c.id === id);
    const cards = (patch.order[id] ?? before?.tasks.map((t) => t.id) ?? []).map((taskId) => tasks.get(taskId));
    if (cards.some((card) => !card)) return null;
    const same = before && before.name === name && before.wipLimit === wipLimit && !patch.order[id] && !before.tasks.some((t) => changed.has(t.id));
    columns.push(same ? before : { id, name, wipLimit, taskCount: cards.length, tasks: cards as BoardTask[] });
  }
  const { project, role, members, labelColours } = patch.project ?? board;
  return { ...board, project, role, members, labelColours, position: patch.position, columns, archived: patch.archived ?? board.archived };
}
