import { columnTasks } from "../../domain";
import type { Role } from "../../domain/events/fields";
import type { Db } from "../../eventstore";
import type { LoadedBoard } from "../../projections/board";
import { usersByIds } from "../../projections/users";

/**
 * The board as the UI draws it: columns in order, each with its live tasks in rank order and their count
 * (the read model keeps counts; a folded board is counted here).
 */
export async function boardView(db: Db, board: LoadedBoard & { taskCounts?: Record<string, number> }, role: Role) {
  const members = await usersByIds(db, Object.keys(board.members));
  return {
    project: { id: board.project.id, name: board.project.name, version: board.projectVersion },
    role,
    position: board.position,
    members: members.map((m) => ({ ...m, role: board.members[m.id]! })),
    columns: board.columns.map((column) => {
      const tasks = columnTasks(board, column.id).map((task) => ({ ...task, version: board.taskVersions[task.id] ?? 0 }));
      return { ...column, taskCount: board.taskCounts?.[column.id] ?? tasks.length, tasks };
    }),
    archived: Object.values(board.tasks)
      .filter((t) => t.archived)
      .map((task) => ({ id: task.id, title: task.title, columnId: task.columnId, version: board.taskVersions[task.id] ?? 0 })),
  };
}
