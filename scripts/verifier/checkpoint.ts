import { createHash, createPublicKey, type KeyObject, verify } from "node:crypto";
import canonicalize from "canonicalize";
import { isSha256Hex } from "./chain";

/** A signed checkpoint as the app writes it (README, "Signed checkpoints"). */
export interface Checkpoint {
  format: "chronoboard-checkpoint/1";
  projectId: string;
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyFingerprint: string;
  signature: string;
}

const FIELDS = ["format", "projectId", "treeSize", "rootHash", "signedAt", "keyFingerprint", "signature"];

/** SHA-256 of the 32 raw bytes of an Ed25519 public key, in lowercase hex. */
export function fingerprintOf(key: KeyObject): string {
  return createHash("sha256").update(key.export({ format: "der", type: "spki" }).subarray(-32)).digest("hex");
}

/** Public keys by fingerprint, from PEM texts; throws on a key that is not Ed25519. */
export function keyRing(pems: string[]): Map<string, KeyObject> {
  const ring = new Map<string, KeyObject>();
  for (const pem of pems) {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 public key");
    ring.set(fingerprintOf(key), key);
  }
  return ring;
}

/** Null when `value` is a checkpoint of `projectId` signed by a key of `keys`; else why not. */
export function checkCheckpoint(value: unknown, keys: Map<string, KeyObject>, projectId: string): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "is not a JSON object";
  const cp = value as Record<string, unknown>;
  const names = Object.keys(cp);
  if (names.length !== FIELDS.length || !FIELDS.every((f) => names.includes(f))) return `must have exactly the fields ${FIELDS.join(", ")}`;
  if (cp.format !== "chronoboard-checkpoint/1") return "has an unknown format";
  if (cp.projectId !== projectId) return "is of another project";
  if (!Number.isSafeInteger(cp.treeSize) || (cp.treeSize as number) < 0) return "has no valid treeSize";
  if (!isSha256Hex(cp.rootHash) || !isSha256Hex(cp.keyFingerprint)) return "has a malformed rootHash or keyFingerprint";
  if (typeof cp.signedAt !== "string" || typeof cp.signature !== "string" || !/^[A-Za-z0-9+/]{86}==$/.test(cp.signature)) {
    return "has a malformed signedAt or signature";
  }
  const key = keys.get(cp.keyFingerprint as string);
  if (!key) return `is signed by key ${cp.keyFingerprint as string}, which is not one of the trusted keys`;
  const { signature, ...statement } = cp;
  const ok = verify(null, Buffer.from(canonicalize(statement)!, "utf8"), key, Buffer.from(signature as string, "base64"));
  return ok ? null : "has a signature that does not verify";
}
