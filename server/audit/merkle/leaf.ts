import { createHash, randomBytes } from "node:crypto";
import canonicalize from "canonicalize";
import type { AuditEnvelope } from "../chain-hash";

/*
 * A Merkle leaf commits to the event's envelope with the payload (names, titles, descriptions, comments:
 * what a person wrote) replaced by a salted digest, so that the plaintext can later be erased (salt
 * deleted with it) without changing any leaf, node, root or signature. The salt is random per event:
 * without it a short name could be found again by hashing guesses.
 */
export type LeafEnvelope = Omit<AuditEnvelope, "payload"> & { payloadDigest: string };

export function newSalt(): string {
  return randomBytes(16).toString("hex");
}

/** SHA-256(salt as 16 bytes ‖ UTF-8 of the RFC 8785 form of the payload), in lowercase hex. */
export function payloadDigest(salt: string, payload: AuditEnvelope["payload"]): string {
  return createHash("sha256").update(Buffer.from(salt, "hex")).update(canonicalize(payload)!, "utf8").digest("hex");
}

/** The leaf's bytes: UTF-8 of the RFC 8785 form of the leaf envelope. */
export function leafBytes(envelope: AuditEnvelope, salt: string): Buffer {
  const { payload, ...rest } = envelope;
  const leaf: LeafEnvelope = { ...rest, payloadDigest: payloadDigest(salt, payload) };
  return Buffer.from(canonicalize(leaf)!, "utf8");
}
