"use client";

import type { TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
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

function record(input: unknown, data: unknown) {
  const projectId = (input as { projectId?: unknown } | undefined)?.projectId;
  const position = (data as { position?: unknown } | undefined)?.position;
  if (typeof projectId === "string" && typeof position === "number") rememberPosition(projectId, position);
}

/** Notes the position every successful command answers with (all of them do), whichever component sent it. */
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
