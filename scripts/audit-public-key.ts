/**
 * Prints the audit signing key's fingerprint and public key (DATABASE_URL), generating the key on first
 * use, and the retired keys whose signatures stay verifiable:
 *
 *   npm run audit:public-key
 */
import { activeSigningKey, publicKeys } from "../server/audit";
import { getPool } from "../server/db";

const pool = getPool();
const active = await activeSigningKey(pool);
for (const key of await publicKeys(pool)) {
  const state = key.fingerprint === active.fingerprint ? "active" : `retired ${key.retiredAt}`;
  console.log(`Ed25519 key ${key.fingerprint} (${state}, since ${key.createdAt})\n${key.publicKey}`);
}
await pool.end();
