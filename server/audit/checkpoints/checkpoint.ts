import { sign } from "node:crypto";
import canonicalize from "canonicalize";
import type { SigningKey } from "./signing-key";

/** What a checkpoint states: a project's tree had `treeSize` leaves and root `rootHash` at `signedAt`. */
export interface CheckpointStatement {
  format: "chronoboard-checkpoint/1";
  projectId: string;
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyFingerprint: string;
}

/** The statement with its Ed25519 signature (base64) over the UTF-8 RFC 8785 form of the statement. */
export interface SignedCheckpoint extends CheckpointStatement {
  signature: string;
}

export function signCheckpoint(key: SigningKey, fields: Omit<CheckpointStatement, "format" | "keyFingerprint">): SignedCheckpoint {
  const statement: CheckpointStatement = { format: "chronoboard-checkpoint/1", ...fields, keyFingerprint: key.fingerprint };
  const signature = sign(null, Buffer.from(canonicalize(statement)!, "utf8"), key.privateKey).toString("base64");
  return { ...statement, signature };
}
