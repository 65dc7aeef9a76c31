/**
 * Checks a project's audit hash chain in the database (DATABASE_URL), after sealing every event committed
 * so far:
 *
 *   npm run audit:check -- <projectId>
 *
 * Also rebuilds the Merkle root against every stored and witnessed checkpoint (CHRONOBOARD_WITNESS_DIR)
 * and checks each ExportGenerated event's lastHash. Prints "intact: N events, chain head <hash>" and exits
 * 0, or the first broken link and every proof problem and exits 1.
 */
import { checkIntegrity, checkProofs, sealCommitted } from "../server/audit";
import { getPool } from "../server/db";

const projectId = process.argv[2];
if (!projectId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(projectId)) {
  console.error("usage: npm run audit:check -- <projectId>");
  process.exit(2);
}

const pool = getPool();
await sealCommitted(pool);
const report = await checkIntegrity(pool, projectId);
const proofProblems = await checkProofs(pool, projectId);
await pool.end();
if (report.broken) {
  const { chainIndex, position, eventId, reason } = report.broken;
  console.error(`BROKEN at chain record ${chainIndex} (position ${position}, event ${eventId}): ${reason}`);
}
for (const problem of proofProblems) console.error(`BROKEN: ${problem}`);
if (report.broken || proofProblems.length > 0) process.exit(1);
if (report.checked === 0) {
  console.error(`No events recorded for project ${projectId}`);
  process.exit(1);
}
console.log(`intact: ${report.checked} events, chain head ${report.head}`);
