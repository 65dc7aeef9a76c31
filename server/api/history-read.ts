import { z } from "zod";
import { LSN_PATTERN, type ReadSource, readHistory } from "../db";

/** A history read's optional "after my write": the WAL position (lsn) a command of the caller answered with. */
export const historyInput = z.object({
  lsn: z.string().max(17).regex(LSN_PATTERN, "A WAL position such as 0/16B3748, as a command answered").optional(),
});

/**
 * Runs a history read on the replica or the primary (server/db/replica.ts) and notes which one answered in
 * the request's `readFrom`, which the HTTP answer reports in its X-Read-From header.
 */
export async function fromHistory<T>(ctx: { readFrom?: Set<ReadSource> }, lsn: string | undefined, read: Parameters<typeof readHistory<T>>[1]): Promise<T> {
  const { value, readFrom } = await readHistory(lsn, read);
  ctx.readFrom?.add(readFrom);
  return value;
}

/** X-Read-From: which server answered the history reads of a request ("replica", "primary" or both). */
export function readFromHeaders(sources: Set<ReadSource> | undefined): Record<string, string> {
  return sources?.size ? { "X-Read-From": [...sources].sort().join(", ") } : {};
}
