"use client";

import { useBoardSession } from "./board-session";
import { formatTimestamp, initials } from "./format";
import { describeHistoryEntry } from "./history-text";
import type { HistoryEntry } from "./types";

/** Every event of the task, newest first: who did what, and when. */
export function TaskHistory({ history }: { history: HistoryEntry[] | undefined }) {
  const { board, memberById, today } = useBoardSession();
  const names = {
    column: (id: string) => board.columns.find((c) => c.id === id)?.name ?? "a removed column",
    member: (id: string) => memberById(id)?.name ?? "a former member",
    today,
  };

  return (
    <section aria-labelledby="task-history-heading" className="space-y-3">
      <h3 id="task-history-heading" className="text-sm font-semibold text-fg">
        History
      </h3>
      {history === undefined ? (
        <div className="space-y-2" aria-hidden="true">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-5 animate-pulse rounded bg-surface-muted" />
          ))}
        </div>
      ) : (
        <ol className="relative space-y-3 before:absolute before:top-2 before:bottom-2 before:left-2.5 before:w-px before:bg-border">
          {[...history].reverse().map((entry) => (
            <li key={entry.eventId} className="relative flex gap-3 text-sm">
              <span
                aria-hidden="true"
                className="z-10 inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-surface-muted text-[0.5625rem] font-semibold text-fg-muted ring-2 ring-surface"
              >
                {initials(entry.userName)}
              </span>
              <p className="min-w-0 text-fg-muted">
                <span className="font-medium text-fg">{entry.userName}</span> {describeHistoryEntry(entry, names)}
                <span className="text-fg-muted"> · </span>
                <time dateTime={entry.timestamp.toISOString()} className="whitespace-nowrap text-xs">
                  {formatTimestamp(entry.timestamp)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
