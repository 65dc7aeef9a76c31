import { columnTasks } from "../../domain";
import type { Role } from "../../domain/events/fields";
import type { Db } from "../../eventstore";
import type { LoadedBoard } from "../../projections/board";
import { membersWithRoles } from "../../projections/users";

/** The board as the UI draws it: columns in order, each with its live tasks in rank order. */
export async function boardView(db: Db, board: LoadedBoard, role: Role) {
  return {
    project: { id: board.project.id, name: board.project.name, version: board.projectVersion },
    role,
    position: board.position,
    members: await membersWithRoles(db, board.members),
    columns: board.columns.map((column) => ({
      ...column,
      tasks: columnTasks(board, column.id).map((task) => ({ ...task, version: board.taskVersions[task.id] ?? 0 })),
    })),
    archived: Object.values(board.tasks)
      .filter((t) => t.archived)
      .map((task) => ({ id: task.id, title: task.title, columnId: task.columnId, version: board.taskVersions[task.id] ?? 0 })),
  };
}
