import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { StoredEvent } from "../eventstore";

/** The previous hash of every project's first event: 32 zero bytes. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * What the chain covers: the envelope as stored, with the timestamp at the database's full precision
 * (microseconds, UTC, always six digits) so that no stored bit is left out of the hash. The transaction id
 * only orders the feed; the chain's order stands for it.
 */
export type AuditEnvelope = Omit<StoredEvent, "transactionId" | "timestamp"> & { timestamp: string };

export function auditEnvelope(event: StoredEvent, preciseTimestamp: string): AuditEnvelope {
  return {
    position: event.position,
    timestamp: preciseTimestamp,
    eventId: event.eventId,
    eventType: event.eventType,
    eventVersion: event.eventVersion,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    version: event.version,
    projectId: event.projectId,
    payload: event.payload,
    metadata: event.metadata,
  };
}

/** hash = SHA-256(the 32 bytes of prevHash ‖ UTF-8 of the RFC 8785 form of the envelope), in lowercase hex. */
export function chainHash(prevHash: string, envelope: AuditEnvelope): string {
  return createHash("sha256").update(Buffer.from(prevHash, "hex")).update(canonicalize(envelope)!, "utf8").digest("hex");
}
