import { type Board, type BoardEventInput, emptyBoard, evolveBoard } from "../domain";
import { type Db, readProject, type StoredEvent } from "../eventstore";

export interface LoadedBoard extends Board {
  /** Each task's stream version: what a client sends back as expectedVersion. */
  taskVersions: Record<string, number>;
  projectVersion: number;
  /** Global position of the last event folded in. */
  position: number;
}

export function toBoardEvent(event: StoredEvent): BoardEventInput {
  return {
    type: event.eventType,
    data: event.payload,
    aggregateId: event.aggregateId,
    userId: event.metadata.userId,
    timestamp: event.timestamp,
  } as BoardEventInput;
}

/** Folds a project's events into its board, optionally only those up to an instant ("as of"). */
export function foldBoard(events: StoredEvent[]): LoadedBoard {
  const board: LoadedBoard = { ...emptyBoard, taskVersions: {}, projectVersion: 0, position: 0 };
  return events.reduce<LoadedBoard>((acc, event) => {
    const next = evolveBoard(acc, toBoardEvent(event));
    const versions =
      event.aggregateType === "task" ? { ...acc.taskVersions, [event.aggregateId]: event.version } : acc.taskVersions;
    return {
      ...next,
      taskVersions: versions,
      projectVersion: event.aggregateType === "project" ? event.version : acc.projectVersion,
      position: event.position,
    };
  }, board);
}

export async function loadBoard(db: Db, projectId: string, opts: { until?: Date } = {}): Promise<LoadedBoard> {
  return foldBoard(await readProject(db, projectId, opts));
}
