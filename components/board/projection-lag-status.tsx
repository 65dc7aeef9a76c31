"use client";

import type { ProjectionLag } from "./types";

function lagText({ events, parked }: ProjectionLag): string {
  const parts: string[] = [];
  if (events > 0) parts.push(`Updating… ${events === 1 ? "1 event" : `${events} events`} behind`);
  if (parked > 0) parts.push(`${parked === 1 ? "1 change is" : `${parked} changes are`} held back by a failure (see the dead letters)`);
  return parts.join(" · ");
}

/**
 * Says when the board shown is behind the log (its read model has not caught up yet, or holds parked
 * events) rather than hiding it. The live region is always there, so screen readers hear it appear and go.
 */
export function ProjectionLagStatus({ lag }: { lag: ProjectionLag }) {
  const text = lagText(lag);
  return (
    <div role="status" aria-live="polite" data-testid="projection-lag">
      {text && (
        <p className="mb-3 inline-flex items-center gap-2 rounded-md border border-amber-500/40 bg-amber-500/10 px-2.5 py-1 text-xs text-amber-800 dark:text-amber-200">
          <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-amber-500 motion-reduce:animate-none" />
          {text}
        </p>
      )}
    </div>
  );
}
