/**
 * Verifies a Chronoboard compliance export offline, without the app or its database, trusting only the
 * installation's public key (README, "Offline verifier"):
 *
 *   npm run verify -- <export.zip> --key <public key PEM file> [--since <earlier export.zip>]
 *   npm run verify -- <export.zip> --fingerprint <hex> [--since …]
 *
 * Checks the manifest's signature, every file's hash, every record's canonical form and link, and the
 * Merkle root of the signed checkpoint (and, with --since, that this export's log extends the earlier one's).
 * Prints "verified: …" and what no signature covers, exits 0; or what fails, exits 1; bad usage exits 2.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UNVERIFIED, verifyExport, verifySince } from "./verifier/verify";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: "string", multiple: true }, fingerprint: { type: "string", multiple: true }, since: { type: "string" } },
});
const [path] = positionals;
if (!path || positionals.length > 1 || (!values.key && !values.fingerprint)) {
  console.error("usage: npm run verify -- <export.zip> (--key <public key PEM file> | --fingerprint <hex>)… [--since <earlier export.zip>]");
  process.exit(2);
}

const trust = { keys: (values.key ?? []).map((file) => readFileSync(file, "utf8")), fingerprints: values.fingerprint ?? [] };
const result = values.since ? await verifySince(path, values.since, trust) : await verifyExport(path, trust);
if (result.ok) {
  const { treeSize, rootHash, keyFingerprint } = result.checkpoint;
  console.log(`verified: ${result.eventCount} events, chain head ${result.head}`);
  console.log(`signed checkpoint: ${treeSize} events, root ${rootHash}, key ${keyFingerprint}`);
  if (values.since) console.log(`extends: ${values.since}`);
  console.log(`not verified: ${UNVERIFIED.join("; ")}`);
  process.exit(0);
}
const where = result.record
  ? ` at record ${result.record.n}${result.record.position !== undefined ? ` (position ${result.record.position}, event ${result.record.eventId})` : ""}`
  : "";
console.error(`NOT VERIFIED${where}: ${result.reason}`);
process.exit(1);
