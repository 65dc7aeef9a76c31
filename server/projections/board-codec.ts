import { type BoardTask, byRank } from "../domain";
import type { TaskState } from "../domain/task/state";
import type { LoadedBoard } from "./board";

/*
 * A board as compact JSON for its snapshots. A board of 10,000 tasks is read whole for every "as of" that
 * lands after its snapshot, so the size of the text is most of the cost of reading it: each task is a row
 * of values (no repeated keys), ids that recur on many tasks are written once in a table, times are epoch
 * milliseconds, and rows are in board order (column, rank) so drawing the board sorts presorted lists.
 * A change to this layout, or a new task field, needs a raised BOARD_STATE_SCHEMA_VERSION.
 */

/** A task as a snapshot row; ids that recur on many tasks are indexes into the board's `refs`. */
type Row = [
  id: string,
  version: number,
  createdAt: number,
  updatedAt: number,
  exists: boolean,
  projectId: number,
  columnId: number,
  rank: string,
  title: string,
  description: string,
  priority: TaskState["priority"],
  assigneeId: number | null,
  labels: string[],
  dueDate: string | null,
  archived: boolean,
  commentCount: number,
  reviewerId: number | null,
  review: TaskState["review"],
];

interface EncodedBoard extends Omit<LoadedBoard, "tasks" | "taskVersions"> {
  refs: string[];
  tasks: Row[];
}

/** A snapshot's text parsed, before its tasks are built: what the process caches (never changed). */
export type ParsedBoard = Readonly<EncodedBoard>;

export function parseBoard(json: string): ParsedBoard {
  return JSON.parse(json) as EncodedBoard;
}

export function encodeBoard(board: LoadedBoard): string {
  const refs: string[] = [];
  const refIndex = new Map<string, number>();
  const ref = (value: string) => {
    let index = refIndex.get(value);
    if (index === undefined) refIndex.set(value, (index = refs.push(value) - 1));
    return index;
  };
  const columnIndex = new Map(board.columns.map((column, i) => [column.id, i]));
  const column = (task: BoardTask) => columnIndex.get(task.columnId) ?? -1;
  const tasks = Object.values(board.tasks)
    .sort((a, b) => column(a) - column(b) || byRank(a, b))
    .map((t): Row => [
      t.id,
      board.taskVersions[t.id] ?? 0,
      t.createdAt.getTime(),
      t.updatedAt.getTime(),
      t.exists,
      ref(t.projectId),
      ref(t.columnId),
      t.rank,
      t.title,
      t.description,
      t.priority,
      t.assigneeId === null ? null : ref(t.assigneeId),
      t.labels,
      t.dueDate,
      t.archived,
      t.commentCount,
      t.reviewerId === null ? null : ref(t.reviewerId),
      t.review,
    ]);
  const { tasks: _tasks, taskVersions: _versions, ...rest } = board;
  return JSON.stringify({ ...rest, refs, tasks } satisfies EncodedBoard);
}

/** A new board from a parsed snapshot, with task records of its own for the caller to fold onto. */
export function decodeBoard(parsed: ParsedBoard): LoadedBoard {
  const { refs, tasks: rows, ...rest } = parsed;
  const tasks: Record<string, BoardTask> = {};
  const taskVersions: Record<string, number> = {};
  // One object literal per task: this runs for every task of every cold "as of", where building objects
  // field by field cost as much as the parse. `satisfies` makes a new task field a type error here.
  for (const row of rows) {
    const [id, version, createdAt, updatedAt, exists, projectId, columnId, rank, title, description, priority, assigneeId, labels, dueDate, archived, commentCount, reviewerId, review] =
      row;
    tasks[id] = {
      id,
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      exists,
      projectId: refs[projectId]!,
      columnId: refs[columnId]!,
      rank,
      title,
      description,
      priority,
      assigneeId: assigneeId === null ? null : refs[assigneeId]!,
      labels,
      dueDate,
      archived,
      commentCount,
      reviewerId: reviewerId === null ? null : refs[reviewerId]!,
      review,
    } satisfies Required<BoardTask>;
    taskVersions[id] = version;
  }
  return { ...rest, tasks, taskVersions };
}
