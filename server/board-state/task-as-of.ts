import type { BoardTask } from "../domain";
import type { Db } from "../db";
import { readStream } from "../eventstore";
import { foldBoard } from "./board";
import { type TaskComment, taskComments } from "./task-comments";

export type TaskAsOf = BoardTask & { version: number; comments: TaskComment[] };

/**
 * A task as the board shows it, with its comments (authors and times included) and its version, as of an
 * instant or at a version; null when it did not exist yet. A replay of the task's own stream up to the
 * target: the comments need every event before it anyway.
 */
export async function loadTaskAsOf(
  db: Db,
  taskId: string,
  target: { until: Date } | { toVersion: number },
): Promise<TaskAsOf | null> {
  const stream = { aggregateType: "task", aggregateId: taskId };
  const toVersion = "toVersion" in target ? target.toVersion : undefined;
  const until = "until" in target ? target.until : (await readStream(db, stream, { fromVersion: toVersion, toVersion }))[0]?.timestamp;
  if (!until) return null;

  const events = await readStream(db, stream, { toVersion, until: toVersion === undefined ? until : undefined });
  const board = foldBoard(events);
  const task = board.tasks[taskId];
  return task ? { ...task, version: board.taskVersions[taskId]!, comments: taskComments(events) } : null;
}
