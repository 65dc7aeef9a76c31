"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useBoardSession } from "@/components/board/board-session";
import { formatTimestamp, initials } from "@/components/ui/format";
import { describeHistoryEntry } from "@/components/board/history-text";
import type { HistoryEntry } from "@/components/board/types";
import { buttonSecondary } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { useLastWriteLsn } from "@/components/trpc/written-positions";
import { errorMessage } from "@/components/trpc/errors";
import { BoardMomentLink } from "./board-moment-link";
import { CopyId } from "./copy-id";
import { eventTypeLabel } from "./event-types";
import { fieldLabel, formatFieldValue, type Names, shownChanges } from "./field-values";
import { RestoreButton } from "./restore-button";
import type { TaskChange } from "./types";
import { useTaskRestore } from "./use-task-restore";

/**
 * The task's timeline, newest first: who changed what and when, each touched field before → after, the
 * cause and the correlation id, and a link to the whole board at that moment. Editors can restore the task to
 * any point or undo its last change. `sentences` are task.get's events, whose payloads give each change its
 * one-line summary. On a past board (`until`), only the changes up to that instant, and one "Restore to this
 * moment" for those who may edit now (`canRestore`).
 */
export function TaskTimeline({
  taskId,
  sentences,
  until,
  canRestore,
}: {
  taskId: string;
  sentences: HistoryEntry[] | undefined;
  until?: Date;
  canRestore?: boolean;
}) {
  const session = useBoardSession();
  const { projectId, board, memberById, today } = session;
  const canEdit = canRestore ?? session.canEdit;
  const trpc = useTRPC();
  const lsn = useLastWriteLsn();
  const history = useQuery(trpc.task.history.queryOptions({ projectId, taskId, lsn }));
  const restore = useTaskRestore(taskId);
  const names: Names = {
    column: (id) => board.columns.find((c) => c.id === id)?.name ?? "a removed column",
    member: (id) => memberById(id)?.name ?? "a former member",
    today,
  };
  const payloads = new Map(sentences?.map((entry) => [entry.eventId, entry]));
  const changes = history.data ? history.data.filter((change) => !until || change.timestamp <= until).reverse() : undefined;

  return (
    <section aria-labelledby="task-history-heading" className="space-y-3">
      <div className="flex items-center gap-2">
        <h3 id="task-history-heading" className="text-sm font-semibold text-fg">
          History
        </h3>
        {canEdit && until ? (
          <div className="ml-auto">
            <RestoreButton timestamp={until} label="Restore to this moment" disabled={restore.pending} onConfirm={() => restore.restoreTo(until)} />
          </div>
        ) : canEdit ? (
          <button
            type="button"
            onClick={restore.undoLast}
            disabled={restore.pending || !changes || changes.length < 2}
            className={`${buttonSecondary} ml-auto h-7 text-xs`}
          >
            Undo last change
          </button>
        ) : null}
      </div>
      <p role="status" className={restore.outcome?.kind === "error" ? "text-sm text-danger empty:hidden" : "text-sm text-fg-muted empty:hidden"}>
        {restore.pending ? "Restoring…" : restore.outcome?.message}
      </p>
      {history.isError ? (
        <p className="text-sm text-fg-muted">{errorMessage(history.error)}</p>
      ) : !changes ? (
        <div className="space-y-2" aria-hidden="true">
          {[0, 1, 2].map((i) => (
            <div key={i} className="h-5 animate-pulse rounded bg-surface-muted" />
          ))}
        </div>
      ) : (
        <ol className="relative space-y-4 before:absolute before:top-2 before:bottom-2 before:left-2.5 before:w-px before:bg-border">
          {changes.map((change, index) => (
            <TimelineEntry
              key={change.eventId}
              change={change}
              sentence={describe(change, payloads.get(change.eventId), names)}
              names={names}
              projectId={projectId}
              // The newest entry is how the task is now; restoring to it would change nothing.
              restore={canEdit && !until && index > 0 ? () => restore.restoreTo(change.timestamp) : undefined}
              restoring={restore.pending}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Which automation made a change: "Automation: rule “…”", "Review saga", or (older logs) just "Automation". */
function automationSource(change: TaskChange): string {
  if (change.cause.kind !== "automation") return "";
  if (change.cause.actor.kind === "reviewSaga") return "Review saga";
  if (change.cause.actor.kind === "rule") return `Automation: rule “${change.ruleName ?? "removed rule"}”`;
  return "Automation";
}

function describe(change: TaskChange, entry: HistoryEntry | undefined, names: Names) {
  return entry ? describeHistoryEntry(entry, names) : eventTypeLabel(change.type).toLowerCase();
}

function TimelineEntry({
  change,
  sentence,
  names,
  projectId,
  restore,
  restoring,
}: {
  change: TaskChange;
  sentence: string;
  names: Names;
  projectId: string;
  restore: (() => void) | undefined;
  restoring: boolean;
}) {
  const fields = shownChanges(change.changes, change.type === "TaskCreated");
  return (
    <li className="relative flex gap-3 text-sm" data-event-id={change.eventId}>
      <span
        aria-hidden="true"
        className="z-10 inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-surface-muted text-[0.5625rem] font-semibold text-fg-muted ring-2 ring-surface"
      >
        {initials(change.userName)}
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-fg-muted [overflow-wrap:anywhere]">
          <span className="font-medium text-fg">{change.userName}</span> {sentence}
          <span> · </span>
          <time dateTime={change.timestamp.toISOString()} className="whitespace-nowrap text-xs">
            {formatTimestamp(change.timestamp)}
          </time>
        </p>
        {fields.length > 0 ? (
          <ul aria-label="Fields changed" className="space-y-0.5 text-xs">
            {fields.map((field, i) => (
              <li key={`${field.field}-${i}`} className="flex flex-wrap items-baseline gap-x-1.5 [overflow-wrap:anywhere]">
                <span className="font-medium text-fg-muted">{fieldLabel(field.field)}:</span>
                {field.before !== null ? (
                  <>
                    <span className="min-w-0 text-fg-muted line-through decoration-fg-muted/50">{formatFieldValue(field.field, field.before, names)}</span>
                    <span aria-hidden="true" className="text-fg-muted">
                      →
                    </span>
                    <span className="sr-only">changed to</span>
                  </>
                ) : null}
                <span className="min-w-0 text-fg">{formatFieldValue(field.field, field.after, names)}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {change.cause.kind === "automation" ? (
          <p data-testid="automation-cause" className="text-xs text-fg-muted">
            {automationSource(change)}, after{" "}
            <Link
              href={`/projects/${projectId}/history?correlationId=${encodeURIComponent(change.correlationId)}`}
              className="font-medium text-accent-text underline-offset-2 hover:underline"
            >
              {eventTypeLabel(change.cause.eventType)}
            </Link>
          </p>
        ) : null}
        {/* The ids are for those tracing a change through the log; most readers need only the words above. */}
        <details className="group text-[0.6875rem] text-fg-muted">
          <summary className="inline-flex h-6 cursor-pointer items-center rounded select-none hover:text-fg">Details</summary>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            {change.cause.kind === "user" ? (
              <span className="inline-flex items-center gap-1">
                By command <CopyId id={change.cause.commandId} label="command id" />
              </span>
            ) : (
              <span className="inline-flex items-center gap-1">
                Causing event <CopyId id={change.cause.eventId} label="causing event id" />
              </span>
            )}
            <span className="inline-flex items-center gap-1">
              Correlation <CopyId id={change.correlationId} label="correlation id" />
            </span>
            <span className="inline-flex items-center gap-1">
              Event <CopyId id={change.eventId} label="event id" />
            </span>
            {/* A signed inclusion proof of this change, checkable without trusting the server (README, "Merkle tree"). */}
            <a
              href={`/api/v1/projects/${projectId}/events/${change.eventId}/proof`}
              download={`chronoboard-receipt-${change.eventId}.json`}
              className="font-medium text-accent-text underline-offset-2 hover:underline"
              aria-label={`Download a signed receipt for this change (${eventTypeLabel(change.type)})`}
            >
              Receipt
            </a>
          </p>
        </details>
        <div className="flex flex-wrap items-center gap-x-1">
          <BoardMomentLink projectId={projectId} at={change.timestamp} className="h-7" />
          {restore ? <RestoreButton timestamp={change.timestamp} disabled={restoring} onConfirm={restore} /> : null}
        </div>
      </div>
    </li>
  );
}
