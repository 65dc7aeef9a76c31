import { type Board, emptyBoard } from "../domain";

export interface LoadedBoard extends Board {
  /** Each task's stream version: what a client sends back as expectedVersion. */
  taskVersions: Record<string, number>;
  projectVersion: number;
  /** Global position of the last event folded in. */
  position: number;
}

export const emptyLoadedBoard: LoadedBoard = { ...emptyBoard, taskVersions: {}, projectVersion: 0, position: 0 };
