import { type BoardTask, byRank, type TaskState } from "../domain";
import type { LoadedBoard } from "./loaded-board";

/*
 * A board as compact JSON for its snapshots. A board of 10,000 tasks is read whole for every "as of" that
 * lands after its snapshot, so the size of the text and the number of objects parsed from it are most of
 * the cost: tasks are stored column-wise (one array per field, no repeated keys, no object per task), ids
 * that recur on many tasks are written once in a table, times are epoch milliseconds, and tasks are in
 * board order (column, rank) so drawing the board sorts presorted lists.
 * A change to this layout, or a new task field, needs a raised BOARD_STATE_SCHEMA_VERSION.
 */

/** Every task's fields, field by field, in the same task order; `Ref` fields index the board's `refs`. */
type Ref = number;
export interface TaskColumns {
  id: string[];
  version: number[];
  createdAt: number[];
  updatedAt: number[];
  updatedBy: Ref[];
  exists: boolean[];
  projectId: Ref[];
  columnId: Ref[];
  rank: string[];
  title: string[];
  description: string[];
  priority: TaskState["priority"][];
  assigneeId: (Ref | null)[];
  labels: string[][];
  dueDate: (string | null)[];
  archived: boolean[];
  commentCount: number[];
  reviewerId: (Ref | null)[];
  review: TaskState["review"][];
}

interface EncodedBoard extends Omit<LoadedBoard, "tasks" | "taskVersions"> {
  refs: string[];
  tasks: TaskColumns;
}

/** A snapshot's text parsed, before its tasks are built: what the process caches (never changed). */
export type ParsedBoard = Readonly<EncodedBoard>;

export function parseBoard(json: string): ParsedBoard {
  return JSON.parse(json) as EncodedBoard;
}

/** The board as its snapshot holds it, to be written out as JSON: what parseBoard gives back. */
export function packBoard(board: LoadedBoard): ParsedBoard {
  const columnIndex = new Map(board.columns.map((column, i) => [column.id, i]));
  const column = (task: BoardTask) => columnIndex.get(task.columnId) ?? -1;
  const ordered = Object.values(board.tasks).sort((a, b) => column(a) - column(b) || byRank(a, b));
  const { refs, tasks } = packTasks(ordered, (task) => board.taskVersions[task.id] ?? 0);
  const { tasks: _tasks, taskVersions: _versions, ...rest } = board;
  return { ...rest, refs, tasks };
}

/** Tasks field by field in the order given, the ids that recur on many of them written once in `refs`. */
export function packTasks(ordered: BoardTask[], versionOf: (task: BoardTask) => number): { refs: string[]; tasks: TaskColumns } {
  const refs: string[] = [];
  const refIndex = new Map<string, number>();
  const ref = (value: string) => {
    let index = refIndex.get(value);
    if (index === undefined) refIndex.set(value, (index = refs.push(value) - 1));
    return index;
  };
  const optionalRef = (value: string | null) => (value === null ? null : ref(value));
  const tasks: TaskColumns = {
    id: ordered.map((t) => t.id),
    version: ordered.map(versionOf),
    createdAt: ordered.map((t) => t.createdAt.getTime()),
    updatedAt: ordered.map((t) => t.updatedAt.getTime()),
    updatedBy: ordered.map((t) => ref(t.updatedBy)),
    exists: ordered.map((t) => t.exists),
    projectId: ordered.map((t) => ref(t.projectId)),
    columnId: ordered.map((t) => ref(t.columnId)),
    rank: ordered.map((t) => t.rank),
    title: ordered.map((t) => t.title),
    description: ordered.map((t) => t.description),
    priority: ordered.map((t) => t.priority),
    assigneeId: ordered.map((t) => optionalRef(t.assigneeId)),
    labels: ordered.map((t) => t.labels),
    dueDate: ordered.map((t) => t.dueDate),
    archived: ordered.map((t) => t.archived),
    commentCount: ordered.map((t) => t.commentCount),
    reviewerId: ordered.map((t) => optionalRef(t.reviewerId)),
    review: ordered.map((t) => t.review),
  };
  return { refs, tasks };
}

/** A new board from a parsed snapshot, with task records of its own for the caller to fold onto. */
export function decodeBoard(parsed: ParsedBoard): LoadedBoard {
  const { refs, tasks: c, ...rest } = parsed;
  const tasks: Record<string, BoardTask> = {};
  const taskVersions: Record<string, number> = {};
  // One object literal per task: this runs for every task of every cold "as of", where building objects
  // field by field cost as much as the parse. `satisfies` makes a new task field a type error here.
  for (let i = 0; i < c.id.length; i++) {
    const id = c.id[i]!;
    const assigneeId = c.assigneeId[i]!;
    const reviewerId = c.reviewerId[i]!;
    tasks[id] = {
      id,
      createdAt: new Date(c.createdAt[i]!),
      updatedAt: new Date(c.updatedAt[i]!),
      updatedBy: refs[c.updatedBy[i]!]!,
      exists: c.exists[i]!,
      projectId: refs[c.projectId[i]!]!,
      columnId: refs[c.columnId[i]!]!,
      rank: c.rank[i]!,
      title: c.title[i]!,
      description: c.description[i]!,
      priority: c.priority[i]!,
      assigneeId: assigneeId === null ? null : refs[assigneeId]!,
      labels: c.labels[i]!,
      dueDate: c.dueDate[i]!,
      archived: c.archived[i]!,
      commentCount: c.commentCount[i]!,
      reviewerId: reviewerId === null ? null : refs[reviewerId]!,
      review: c.review[i]!,
    } satisfies Required<BoardTask>;
    taskVersions[id] = c.version[i]!;
  }
  return { ...rest, tasks, taskVersions };
}
