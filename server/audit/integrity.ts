import type { Db } from "../db";
import { chainHash, GENESIS_HASH } from "./chain-hash";
import { sealedEvents } from "./sealed-events";

export interface BrokenLink {
  chainIndex: number;
  position: number;
  eventId: string;
  reason: string;
}

export interface IntegrityReport {
  projectId: string;
  /** Links checked up to and including the first broken one. */
  checked: number;
  /** The last hash of the chain (genesis for a project without events); null when the chain is broken. */
  head: string | null;
  broken: BrokenLink | null;
}

/**
 * Walks a project's chain in the database and recomputes every link from the stored event: finds an event
 * changed after it was sealed, a hash row changed or removed, and links that do not join up.
 */
export async function checkIntegrity(db: Db, projectId: string): Promise<IntegrityReport> {
  let expected = { index: 1, hash: GENESIS_HASH };
  let checked = 0;
  for await (const batch of sealedEvents(db, projectId, { after: 0 })) {
    for (const link of batch) {
      checked += 1;
      const reason =
        link.chainIndex !== expected.index
          ? `chain record ${expected.index} is missing (the next one recorded is ${link.chainIndex})`
          : link.prevHash !== expected.hash
            ? "its recorded previous hash is not the hash of the record before it"
            : chainHash(expected.hash, link.envelope) !== link.hash
              ? "the stored event no longer matches the hash recorded when it was sealed"
              : null;
      if (reason) {
        const { position, eventId } = link.envelope;
        return { projectId, checked, head: null, broken: { chainIndex: link.chainIndex, position, eventId, reason } };
      }
      expected = { index: link.chainIndex + 1, hash: link.hash };
    }
  }
  return { projectId, checked, head: expected.hash, broken: null };
}
