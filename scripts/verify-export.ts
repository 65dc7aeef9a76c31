/**
 * Verifies a Chronoboard compliance export offline, without the app or its database:
 *
 *   npm run verify -- <export.zip>
 *
 * Recomputes every record's hash, checks the chain's continuity from the manifest's hashBeforeRange to its
 * lastHash, the record count and the events file's SHA-256 (the definition is in README, "Audit trail").
 * Prints "verified: N events, chain head <hash>" and exits 0, or the first failing record and why and exits 1.
 */
import { verifyExport } from "./verifier/verify";

const path = process.argv[2];
if (!path) {
  console.error("usage: npm run verify -- <export.zip>");
  process.exit(2);
}

const result = await verifyExport(path);
if (result.ok) {
  console.log(`verified: ${result.eventCount} events, chain head ${result.head}`);
  process.exit(0);
}
const where = result.record
  ? ` at record ${result.record.n}${result.record.position !== undefined ? ` (position ${result.record.position}, event ${result.record.eventId})` : ""}`
  : "";
console.error(`NOT VERIFIED${where}: ${result.reason}`);
process.exit(1);
