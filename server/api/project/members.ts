import { membersWithRoles } from "../../read-models";
import { projectProcedure, readers } from "../project-procedure";

/** The project's members with their roles (every member may see who else is in it), and the caller's own role. */
export const listMembers = projectProcedure(readers).query(async ({ ctx }) => ({
  project: { id: ctx.board.project.id, name: ctx.board.project.name },
  role: ctx.role,
  userId: ctx.user.id,
  members: await membersWithRoles(ctx.db, ctx.board.members),
}));
