import { projectAt } from "../../workflows";
import { projectProcedure, readers } from "../project-procedure";

/** The project's automation rules, in firing order, and its review saga's settings (null: off). */
export const automationSettings = projectProcedure(readers).query(async ({ ctx, input }) => {
  const { rules, reviewSaga } = await projectAt(ctx.db, input.projectId);
  return { rules, reviewSaga };
});
