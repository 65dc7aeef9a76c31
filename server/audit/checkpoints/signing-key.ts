import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import type { Db } from "../../db";

/*
 * The installation's Ed25519 signing key: CHRONOBOARD_AUDIT_SIGNING_KEY (a PKCS#8 PEM private key) when
 * set, else one generated on first use and kept in audit_keys. Every key ever used stays in audit_keys
 * (retired ones with their retirement time), so signatures made by an old key stay verifiable.
 */

export interface PublicKeyInfo {
  fingerprint: string;
  /** SPKI PEM. */
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface SigningKey {
  fingerprint: string;
  privateKey: KeyObject;
}

/** SHA-256 of the 32 raw bytes of an Ed25519 public key, in lowercase hex. */
export function fingerprintOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return createHash("sha256").update(raw).digest("hex");
}

export function generateSigningKey(): KeyObject {
  return generateKeyPairSync("ed25519").privateKey;
}

/** The key given by setting, checked to be Ed25519; null when none is set. */
export function configuredSigningKey(): KeyObject | null {
  const pem = process.env.CHRONOBOARD_AUDIT_SIGNING_KEY;
  if (!pem) return null;
  const key = createPrivateKey(pem.replace(/\\n/g, "\n"));
  if (key.asymmetricKeyType !== "ed25519") throw new Error("CHRONOBOARD_AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)");
  return key;
}

export async function publicKeys(db: Db): Promise<PublicKeyInfo[]> {
  const { rows } = await db.query<{ fingerprint: string; public_key: string; created_at: Date; retired_at: Date | null }>(
    `SELECT fingerprint, public_key, created_at, retired_at FROM audit_keys ORDER BY created_at`,
  );
  return rows.map((r) => ({
    fingerprint: r.fingerprint,
    publicKey: r.public_key,
    createdAt: r.created_at.toISOString(),
    retiredAt: r.retired_at?.toISOString() ?? null,
  }));
}

interface ActiveRow {
  fingerprint: string;
  private_key: string | null;
}

async function activeRow(db: Db): Promise<ActiveRow | null> {
  const { rows } = await db.query<ActiveRow>(`SELECT fingerprint, private_key FROM audit_keys WHERE retired_at IS NULL`);
  return rows[0] ?? null;
}

/**
 * Makes `key` the active one: retires the one before (kept for verification) and stores the new public
 * key, with the private key too unless it comes from the setting. Returns the fingerprints, for the
 * caller to record the rotation on the log.
 */
export async function installSigningKey(db: Db, key: KeyObject, { keepPrivate }: { keepPrivate: boolean }) {
  const fingerprint = fingerprintOf(createPublicKey(key));
  const previous = await activeRow(db);
  if (previous?.fingerprint === fingerprint) return { previousFingerprint: previous.fingerprint, fingerprint, changed: false };
  if (previous) await db.query(`UPDATE audit_keys SET retired_at = clock_timestamp() WHERE fingerprint = $1`, [previous.fingerprint]);
  await db.query(
    `INSERT INTO audit_keys (fingerprint, public_key, private_key) VALUES ($1, $2, $3)
     ON CONFLICT (fingerprint) DO UPDATE SET retired_at = NULL`,
    [
      fingerprint,
      createPublicKey(key).export({ format: "pem", type: "spki" }).toString(),
      keepPrivate ? key.export({ format: "pem", type: "pkcs8" }).toString() : null,
    ],
  );
  return { previousFingerprint: previous?.fingerprint ?? null, fingerprint, changed: true };
}

const parsed = new Map<string, KeyObject>();

/**
 * The key that signs now. Without a setting and without a stored key, one is generated and stored; two
 * processes racing to do so meet on the one-active-key index, and both then sign with the winner's.
 */
export async function activeSigningKey(db: Db): Promise<SigningKey> {
  const configured = configuredSigningKey();
  if (configured) {
    const fingerprint = fingerprintOf(createPublicKey(configured));
    if ((await activeRow(db))?.fingerprint !== fingerprint) {
      throw new Error("CHRONOBOARD_AUDIT_SIGNING_KEY is not the active audit key: run npm run audit:rotate-key to install it");
    }
    return { fingerprint, privateKey: configured };
  }
  let row = await activeRow(db);
  if (!row) {
    const key = generateSigningKey();
    await db.query(
      `INSERT INTO audit_keys (fingerprint, public_key, private_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [
        fingerprintOf(createPublicKey(key)),
        createPublicKey(key).export({ format: "pem", type: "spki" }).toString(),
        key.export({ format: "pem", type: "pkcs8" }).toString(),
      ],
    );
    row = (await activeRow(db))!;
  }
  if (!row.private_key) throw new Error("The active audit key was given by setting: set CHRONOBOARD_AUDIT_SIGNING_KEY");
  let privateKey = parsed.get(row.fingerprint);
  if (!privateKey) {
    privateKey = createPrivateKey(row.private_key);
    parsed.set(row.fingerprint, privateKey);
  }
  return { fingerprint: row.fingerprint, privateKey };
}
