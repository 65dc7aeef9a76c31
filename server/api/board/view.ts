import { type BoardTask, byRank, type Role } from "../../domain";
import type { Db } from "../../db";
import type { LoadedBoard } from "../../board-state";
import { membersWithRoles } from "../../read-models";
import { sentColumnWise } from "./card-wire";

/**
 * The board as the UI draws it: columns in order, each with its live tasks in rank order and their count
 * (the read model keeps counts; a folded board is counted here).
 */
export async function boardView(db: Db, board: LoadedBoard & { taskCounts?: Record<string, number> }, role: Role) {
  const { live, archived } = tasksByColumn(board);
  return {
    project: projectView(board),
    role,
    position: board.position,
    members: await membersView(db, board),
    labelColours: board.labelColours,
    columns: board.columns.map((column) => {
      const tasks = sentColumnWise((live.get(column.id) ?? []).sort(byRank).map((task) => cardView(board, task)));
      return { ...column, taskCount: board.taskCounts?.[column.id] ?? tasks.length, tasks };
    }),
    archived: archivedView(board, archived),
  };
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
