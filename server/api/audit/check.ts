import { checkIntegrity, checkProofs, sealCommitted } from "../../audit";
import { auditors, projectProcedure } from "../project-procedure";

/**
 * What `npm run audit:check` checks, after sealing everything committed so far: the project's hash chain, and
 * its Merkle root against every stored and witnessed checkpoint and every export's lastHash (which catches
 * the newest events deleted with their hash rows, or a chain rewritten consistently).
 */
export const checkAuditTrail = projectProcedure(auditors).mutation(async ({ ctx, input }) => {
  await sealCommitted(ctx.db);
  const report = await checkIntegrity(ctx.db, input.projectId);
  return { ...report, proofProblems: await checkProofs(ctx.db, input.projectId) };
});
