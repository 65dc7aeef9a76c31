import type { BoardData, BoardTask, MoveRequest } from "./types";

/** Task ids per column, in board order: the shape drag and drop rearranges. */
export type ColumnItems = Record<string, string[]>;

/** The ids of the tasks shown: with filters set, a drop lands below the visible card above it. */
export function itemsOf(board: BoardData, shown: (task: BoardTask) => boolean): ColumnItems {
  return Object.fromEntries(board.columns.map((column) => [column.id, column.tasks.filter(shown).map((task) => task.id)]));
}

/**
 * `next`, with each column's list taken from `previous` where it holds the same ids: drag and drop redraws
 * every card of a column whose list is a new array, so a change redraws only the columns it touched.
 */
export function keepUnchangedLists(previous: ColumnItems, next: ColumnItems): ColumnItems {
  const kept: ColumnItems = {};
  for (const [columnId, ids] of Object.entries(next)) {
    const before = previous[columnId];
    kept[columnId] = before && before.length === ids.length && before.every((id, i) => id === ids[i]) ? before : ids;
  }
  return kept;
}

export function columnOf(items: ColumnItems, id: string): string | undefined {
  if (id in items) return id;
  return Object.keys(items).find((columnId) => items[columnId]!.includes(id));
}

/** Where a task sits, in the terms task.move uses. */
export function slotOf(items: ColumnItems, taskId: string): { columnId: string; afterTaskId: string | null } | null {
  const columnId = columnOf(items, taskId);
  if (!columnId) return null;
  const list = items[columnId]!;
  return { columnId, afterTaskId: list[list.indexOf(taskId) - 1] ?? null };
}

/** The board as it will look once the move is accepted: used to show a move before the server answers. */
export function applyMove(board: BoardData, move: MoveRequest): BoardData {
  const task = board.columns.flatMap((column) => column.tasks).find((t) => t.id === move.taskId);
  if (!task || !board.columns.some((column) => column.id === move.toColumnId)) return board;
  return {
    ...board,
    columns: board.columns.map((column) => {
      const rest = column.tasks.filter((t) => t.id !== move.taskId);
      if (column.id !== move.toColumnId) return rest.length === column.tasks.length ? column : { ...column, tasks: rest };
      const after = move.afterTaskId === null ? -1 : rest.findIndex((t) => t.id === move.afterTaskId);
      // An afterTaskId no longer in the column (the board changed meanwhile) shows the task at the bottom.
      const index = move.afterTaskId !== null && after === -1 ? rest.length : after + 1;
      return { ...column, tasks: [...rest.slice(0, index), { ...task, columnId: column.id }, ...rest.slice(index)] };
    }),
  };
}
