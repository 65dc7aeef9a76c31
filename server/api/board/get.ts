import { columnTasks } from "../../domain";
import { usersByIds } from "../../projections/users";
import { projectProcedure, readers } from "../project-procedure";

/** The board as the UI draws it: columns in order, each with its live tasks in rank order. */
export const getBoard = projectProcedure(readers).query(async ({ ctx }) => {
  const { board, role } = ctx;
  const members = await usersByIds(ctx.db, Object.keys(board.members));
  return {
    project: { id: board.project.id, name: board.project.name, version: board.projectVersion },
    role,
    position: board.position,
    members: members.map((m) => ({ ...m, role: board.members[m.id]! })),
    columns: board.columns.map((column) => ({
      ...column,
      tasks: columnTasks(board, column.id).map((task) => ({ ...task, version: board.taskVersions[task.id] ?? 0 })),
    })),
    archived: Object.values(board.tasks)
      .filter((t) => t.archived)
      .map((task) => ({ id: task.id, title: task.title, columnId: task.columnId, version: board.taskVersions[task.id] ?? 0 })),
  };
});
