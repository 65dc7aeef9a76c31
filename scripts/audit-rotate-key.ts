/**
 * Rotates the audit signing key (DATABASE_URL): installs CHRONOBOARD_AUDIT_SIGNING_KEY when it is set
 * (its private key stays in the setting), else a new generated key kept in the database. Records
 * SigningKeyRotated on every project's log; signatures of the old key stay verifiable with it.
 *
 *   npm run audit:rotate-key
 */
import { rotateSigningKey } from "../server/audit";
import { configuredSigningKey, generateSigningKey } from "../server/audit";
import { getPool } from "../server/db";

const pool = getPool();
const configured = configuredSigningKey();
const rotation = await rotateSigningKey(pool, configured ?? generateSigningKey(), { keepPrivate: !configured });
await pool.end();
console.log(
  rotation.changed
    ? `rotated: ${rotation.previousFingerprint ?? "(none)"} → ${rotation.fingerprint}, recorded on ${rotation.projects} project log(s)`
    : `unchanged: ${rotation.fingerprint} is already the active key`,
);
