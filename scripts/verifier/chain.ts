import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** hash = SHA-256(prevHash as 32 bytes ‖ UTF-8 of the RFC 8785 canonical form of the envelope), lowercase hex. */
export function linkHash(prevHash: string, envelope: Record<string, unknown>): string {
  return createHash("sha256").update(Buffer.from(prevHash, "hex")).update(canonicalize(envelope)!, "utf8").digest("hex");
}

export const isSha256Hex = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f]{64}$/.test(value);

/** Which record: its number in the file (from 1) and, when it could be read, its position and event id. */
export interface RecordRef {
  n: number;
  position?: unknown;
  eventId?: unknown;
}

/**
 * The latest records by hash, to say what a broken link means: a link back to an earlier record shows
 * that the records in between do not belong there. Bounded, so memory stays flat for any export.
 */
export class RecentHashes {
  private readonly byHash = new Map<string, RecordRef>();
  private readonly byNumber = new Map<number, RecordRef>();
  constructor(private readonly limit = 10_000) {}

  add(hash: string, ref: RecordRef) {
    this.byHash.set(hash, ref);
    this.byNumber.set(ref.n, ref);
    if (this.byHash.size > this.limit) {
      const [oldest, old] = this.byHash.entries().next().value!;
      this.byHash.delete(oldest);
      this.byNumber.delete(old.n);
    }
  }

  withHash(hash: string): RecordRef | undefined {
    return this.byHash.get(hash);
  }

  /** The record after one, whose ref is still held, or just its number. */
  after(ref: RecordRef): RecordRef {
    return this.byNumber.get(ref.n + 1) ?? { n: ref.n + 1 };
  }
}
