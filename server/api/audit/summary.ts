import { logSummary } from "../../eventstore";
import { auditors, projectProcedure } from "../project-procedure";

/** What the audit page shows before any action: the project and the extent of its log. */
export const auditSummary = projectProcedure(auditors).query(async ({ ctx, input }) => ({
  project: { id: input.projectId, name: ctx.board.project.name },
  role: ctx.role,
  ...(await logSummary(ctx.db, input.projectId)),
}));
