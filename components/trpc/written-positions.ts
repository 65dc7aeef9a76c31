"use client";

import type { TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { useSyncExternalStore } from "react";
import type { AppRouter } from "@/server/api/root";

/**
 * Per project, the log position of this tab's last write or of the last live change it showed: reads of that
 * project ask to see at least it, so a refetch never takes back what the page already shows.
 */
const lastWrites = new Map<string, number>();

export function lastWritePosition(projectId: string): number | undefined {
  return lastWrites.get(projectId);
}

/** The newest of those positions, whatever the project: the project list waits for it. */
export function lastWriteAnywhere(): number | undefined {
  return lastWrites.size > 0 ? Math.max(...lastWrites.values()) : undefined;
}

export function rememberPosition(projectId: string, position: number) {
  lastWrites.set(projectId, Math.max(position, lastWrites.get(projectId) ?? 0));
}

/**
 * The primary's WAL position after this tab's last write (commands answer `lsn` when the app reads history
 * from a replica): history reads send it, so that they wait for the replica to have that write.
 */
let lastLsn: string | undefined;
const lsnListeners = new Set<() => void>();

/** "16/B3748" → 0x16_000B3748: the two halves of a 64-bit WAL position. */
function lsnValue(lsn: string): bigint {
  const [high = "0", low = "0"] = lsn.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function rememberLsn(lsn: string) {
  if (lastLsn && lsnValue(lastLsn) >= lsnValue(lsn)) return;
  lastLsn = lsn;
  for (const listener of lsnListeners) listener();
}

/** The tab's last write's WAL position, re-rendering when a newer write answers (history queries key on it). */
export function useLastWriteLsn(): string | undefined {
  return useSyncExternalStore(
    (listener) => {
      lsnListeners.add(listener);
      return () => lsnListeners.delete(listener);
    },
    () => lastLsn,
    () => undefined,
  );
}

function record(input: unknown, data: unknown) {
  const projectId = (input as { projectId?: unknown } | undefined)?.projectId;
  const { position, lsn } = (data ?? {}) as { position?: unknown; lsn?: unknown };
  if (typeof projectId === "string" && typeof position === "number") rememberPosition(projectId, position);
  if (typeof lsn === "string") rememberLsn(lsn);
}

/** Notes the position (and WAL position) every successful command answers with, whichever component sent it. */
export const writtenPositionsLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) =>
      next(op).subscribe({
        next(value) {
          if (op.type === "mutation" && "data" in value.result) record(op.input, value.result.data);
          observer.next(value);
        },
        error: (error) => observer.error(error),
        complete: () => observer.complete(),
      }),
    );
