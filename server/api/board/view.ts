import { type BoardTask, columnTasks } from "../../domain";
import type { Role } from "../../domain/events/fields";
import type { Db } from "../../eventstore";
import type { LoadedBoard } from "../../projections/board";
import { membersWithRoles } from "../../projections/users";

/**
 * The board as the UI draws it: columns in order, each with its live tasks in rank order and their count
 * (the read model keeps counts; a folded board is counted here).
 */
export async function boardView(db: Db, board: LoadedBoard & { taskCounts?: Record<string, number> }, role: Role) {
  return {
    project: projectView(board),
    role,
    position: board.position,
    members: await membersView(db, board),
    columns: board.columns.map((column) => {
      const tasks = columnTasks(board, column.id).map((task) => cardView(board, task));
      return { ...column, taskCount: board.taskCounts?.[column.id] ?? tasks.length, tasks };
    }),
    archived: archivedView(board),
  };
}

export const projectView = (board: LoadedBoard) => ({ id: board.project.id, name: board.project.name, version: board.projectVersion });

export const membersView = (db: Db, board: LoadedBoard) => membersWithRoles(db, board.members);

/** A card carries its task's stream version: what the client sends back as expectedVersion. */
export const cardView = (board: LoadedBoard, task: BoardTask) => ({ ...task, version: board.taskVersions[task.id] ?? 0 });

export function archivedView(board: LoadedBoard) {
  return Object.values(board.tasks)
    .filter((t) => t.archived)
    .map((task) => ({ id: task.id, title: task.title, columnId: task.columnId, version: board.taskVersions[task.id] ?? 0 }));
}
