import { checkIntegrity, sealCommitted } from "../../audit";
import { auditors, projectProcedure } from "../project-procedure";

/** Walks the project's hash chain in the database, after sealing everything committed so far. */
export const checkAuditTrail = projectProcedure(auditors).mutation(async ({ ctx, input }) => {
  await sealCommitted(ctx.db);
  return checkIntegrity(ctx.db, input.projectId);
});
