import type { LoadedBoard } from "./board";

/**
 * A board as JSON for its snapshots. JSON writes Dates as ISO strings, so decoding turns the board's date
 * fields (a task's createdAt and updatedAt) back into Dates. A new date field on
 * the board needs a line here, and a raised BOARD_STATE_SCHEMA_VERSION.
 */
export function encodeBoard(board: LoadedBoard): string {
  return JSON.stringify(board);
}

export function decodeBoard(json: string): LoadedBoard {
  const board = JSON.parse(json) as LoadedBoard;
  for (const task of Object.values(board.tasks)) {
    task.createdAt = new Date(task.createdAt);
    task.updatedAt = new Date(task.updatedAt);
  }
  return board;
}
