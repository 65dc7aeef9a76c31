import { aggregateTypeOf, type ProjectEvent, type TaskEvent } from "./events";
import type { LabelColour, Role } from "./events/fields";
import { evolveProject } from "./project/evolve";
import type { Column, ProjectState } from "./project/state";
import type { BoardContext } from "./task/commands";
import { evolveTask } from "./task/evolve";
import { initialTaskState, type TaskState } from "./task/state";

/** The event metadata the board shows: who did it and when. */
type Envelope = { aggregateId: string; userId: string; timestamp: Date };
export type BoardEventInput = (ProjectEvent | TaskEvent) & Envelope;

/** A task on the board: its state (comments counted, not kept), its id and times. */
export type BoardTask = TaskState & {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  /** Who made the task's last change: the board tells others' changes from the user's own by it. */
  updatedBy: string;
};

/** One project's board, folded from its project stream and its tasks' streams. */
export type Board = {
  project: { id: string; name: string; ownerId: string; exists: boolean };
  members: Record<string, Role>;
  /** In board order, left to right. */
  columns: Column[];
  /** Each label's chosen colour, by its text. */
  labelColours: Record<string, LabelColour>;
  tasks: Record<string, BoardTask>;
};

export const emptyBoard: Board = {
  project: { id: "", name: "", ownerId: "", exists: false },
  members: {},
  columns: [],
  labelColours: {},
  tasks: {},
};

/**
 * Applies one stored event. State changes come from the aggregates' own evolve
 * functions; the board only adds ids, authors and times. Events of another
 * project, or of tasks not on this board, leave it unchanged, so the caller may
 * feed it a stream that mixes projects.
 */
export function evolveBoard(board: Board, event: BoardEventInput): Board {
  return isProjectEvent(event) ? evolveProjectPart(board, event) : evolveTaskPart(board, event);
}

function isProjectEvent(event: BoardEventInput): event is ProjectEvent & Envelope {
  return aggregateTypeOf[event.type] === "project";
}

function evolveProjectPart(board: Board, event: ProjectEvent & Envelope): Board {
  if (board.project.exists && event.aggregateId !== board.project.id) return board;
  // The board leaves automation settings to the project's own state (loaded where they are used).
  const { members, columns, labelColours } = board;
  const before: ProjectState = { ...board.project, members, columns, labelColours, rules: [], reviewSaga: null };
  const after = evolveProject(before, event);
  const { exists, name, ownerId } = after;
  return { ...board, project: { id: event.aggregateId, name, ownerId, exists }, members: after.members, columns: after.columns, labelColours: after.labelColours };
}

function evolveTaskPart(board: Board, event: TaskEvent & Envelope): Board {
  const id = event.aggregateId;
  const existing = board.tasks[id];
  if (event.type === "TaskCreated") {
    if (board.project.exists && event.data.projectId !== board.project.id) return board;
  } else if (!existing) {
    return board;
  }

  const state = evolveTask(existing ?? initialTaskState(), event);
  // Field by field, not `{ ...state, id, … }`: objects built that way each got a hidden class of their own in V8,
  // and reading a field of 10,000 of them (folding, packing, sorting a board) took ten times as long.
  const task: BoardTask = {
    id,
    createdAt: existing?.createdAt ?? event.timestamp,
    updatedAt: event.timestamp,
    updatedBy: event.userId,
    exists: state.exists,
    projectId: state.projectId,
    columnId: state.columnId,
    rank: state.rank,
    title: state.title,
    description: state.description,
    priority: state.priority,
    assigneeId: state.assigneeId,
    labels: state.labels,
    dueDate: state.dueDate,
    archived: state.archived,
    commentCount: state.commentCount,
    reviewerId: state.reviewerId,
    review: state.review,
  };
  return { ...board, tasks: { ...board.tasks, [id]: task } };
}

/** What task commands need to know about the board. WIP counts leave archived tasks out. */
export function boardContext(board: Board): BoardContext {
  const live = Object.values(board.tasks).filter((task) => !task.archived);
  return {
    columns: board.columns.map(({ id, name, wipLimit }) => ({
      id,
      name,
      wipLimit,
      taskCount: live.filter((task) => task.columnId === id).length,
    })),
    memberIds: Object.keys(board.members),
  };
}

/**
 * A column's tasks in board order: by rank, then id so equal ranks (from
 * concurrent moves) still sort the same everywhere. Archived tasks are left out
 * unless asked for, e.g. to count what RemoveColumn must know about.
 */
export function columnTasks(board: Board, columnId: string, options: { includeArchived?: boolean } = {}): BoardTask[] {
  return Object.values(board.tasks)
    .filter((task) => task.columnId === columnId && (options.includeArchived || !task.archived))
    .sort(byRank);
}

/** The order of a column's tasks: by rank, then by id (two concurrent moves may pick the same rank). */
export function byRank(a: BoardTask, b: BoardTask): number {
  return compare(a.rank, b.rank) || compare(a.id, b.id);
}

// Plain code-unit order: fractional-indexing keys are built for it, localeCompare would misorder them.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
