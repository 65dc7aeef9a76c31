import { type BoardTask, byRank, type Role } from "../../domain";
import type { Db } from "../../db";
import type { LoadedBoard } from "../../board-state";
import { membersWithRoles } from "../../read-models";
import { type Card, sentColumnWise } from "./card-wire";

/**
 * The board as the UI draws it: columns in order, each with its live tasks in rank order and their count
 * (the read model keeps counts; a folded board is counted here).
 */
export async function boardView(db: Db, board: LoadedBoard & { taskCounts?: Record<string, number> }, role: Role) {
  const { live, archived } = cardsOf(board);
  return {
    project: projectView(board),
    role,
    position: board.position,
    members: await membersView(db, board),
    labelColours: board.labelColours,
    columns: board.columns.map((column) => {
      const tasks = live.get(column.id) ?? noCards;
      return { ...column, taskCount: board.taskCounts?.[column.id] ?? tasks.length, tasks };
    }),
    archived,
  };
}

interface BoardCards {
  taskVersions: LoadedBoard["taskVersions"];
  live: Map<string, Card[]>;
  archived: ReturnType<typeof archivedView>;
}

/*
 * Boards whose tasks did not change share their (frozen) tasks object: the read model's cards as last read,
 * a process's board head. Their cards are laid out once per tasks object, not per request; the lists are
 * frozen, since every caller gets the same ones.
 */
const noCards = sentColumnWise(Object.freeze([]) as unknown as Card[]);
const laidOut = new WeakMap<LoadedBoard["tasks"], BoardCards>();

function cardsOf(board: LoadedBoard): BoardCards {
  const held = laidOut.get(board.tasks);
  if (held && held.taskVersions === board.taskVersions) return held;
  const { live, archived } = tasksByColumn(board);
  const cards: BoardCards = {
    taskVersions: board.taskVersions,
    live: new Map([...live].map(([columnId, tasks]) => [columnId, sentColumnWise(Object.freeze(tasks.sort(byRank).map((task) => cardView(board, task))) as Card[])])),
    archived: Object.freeze(archivedView(board, archived)) as ReturnType<typeof archivedView>,
  };
  if (Object.isFrozen(board.tasks)) laidOut.set(board.tasks, cards);
  return cards;
}

/** One pass over the tasks (a board as of an instant may hold thousands): live ones by column, and the archived. */
function tasksByColumn(board: LoadedBoard) {
  const live = new Map<string, BoardTask[]>();
  const archived: BoardTask[] = [];
  for (const task of Object.values(board.tasks)) {
    if (task.archived) archived.push(task);
    else {
      const column = live.get(task.columnId);
      if (column) column.push(task);
      else live.set(task.columnId, [task]);
    }
  }
  return { live, archived };
}

export const projectView = (board: LoadedBoard) => ({ id: board.project.id, name: board.project.name, version: board.projectVersion });

export const membersView = (db: Db, board: LoadedBoard) => membersWithRoles(db, board.members);

/**
 * A card carries its task's stream version: what the client sends back as expectedVersion. Written out
 * field by field: a board as of an instant has thousands of cards, and a spread cost more than reading them.
 */
export const cardView = (board: LoadedBoard, t: BoardTask) =>
  ({
    id: t.id,
    exists: t.exists,
    projectId: t.projectId,
    columnId: t.columnId,
    rank: t.rank,
    title: t.title,
    description: t.description,
    priority: t.priority,
    assigneeId: t.assigneeId,
    labels: t.labels,
    dueDate: t.dueDate,
    archived: t.archived,
    commentCount: t.commentCount,
    reviewerId: t.reviewerId,
    review: t.review,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    updatedBy: t.updatedBy,
    version: board.taskVersions[t.id] ?? 0,
  }) satisfies Required<BoardTask> & { version: number };

export function archivedView(board: LoadedBoard, archived = Object.values(board.tasks).filter((t) => t.archived)) {
  return archived.map((task) => ({ id: task.id, title: task.title, columnId: task.columnId, version: board.taskVersions[task.id] ?? 0 }));
}
