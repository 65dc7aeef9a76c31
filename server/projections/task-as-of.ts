import type { BoardTask } from "../domain";
import { type Db, readStream } from "../eventstore";
import { emptyLoadedBoard, foldBoard } from "./board";
import { findBoardSnapshot } from "./board-snapshots";

export type TaskAsOf = BoardTask & { version: number };

/**
 * A task as the board shows it (authors and times included), with its version, as of an instant or at a
 * version; null when it did not exist yet. It starts from the task as the newest board snapshot before
 * the target holds it (the decider's state lacks comment authors and times), then replays the task's own
 * stream after that version: one stream, so no late commit can slip between the two.
 */
export async function loadTaskAsOf(
  db: Db,
  projectId: string,
  taskId: string,
  target: { until: Date } | { toVersion: number },
): Promise<TaskAsOf | null> {
  const stream = { aggregateType: "task", aggregateId: taskId };
  const toVersion = "toVersion" in target ? target.toVersion : undefined;
  const until = "until" in target ? target.until : (await readStream(db, stream, { fromVersion: toVersion, toVersion }))[0]?.timestamp;
  if (!until) return null;

  const snapshot = await findBoardSnapshot(db, projectId, until);
  const known = snapshot?.board.tasks[taskId];
  const knownVersion = snapshot?.board.taskVersions[taskId] ?? 0;
  // Events sharing the target version's millisecond may be in the snapshot already: then start afresh.
  const start =
    known && (toVersion === undefined || knownVersion <= toVersion)
      ? { ...emptyLoadedBoard, tasks: { [taskId]: known }, taskVersions: { [taskId]: knownVersion } }
      : emptyLoadedBoard;
  const events = await readStream(db, stream, {
    fromVersion: (start.taskVersions[taskId] ?? 0) + 1,
    toVersion,
    until: toVersion === undefined ? until : undefined,
  });
  const board = foldBoard(events, start);
  const task = board.tasks[taskId];
  return task ? { ...task, version: board.taskVersions[taskId]! } : null;
}
