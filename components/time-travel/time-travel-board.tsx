"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { type BoardSession, BoardSessionContext, CardSessionContext, useBoardSession } from "@/components/board/board-session";
import { formatTimestamp, localToday } from "@/components/ui/format";
import { buttonSecondary } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { useLastWriteLsn } from "@/components/trpc/written-positions";
import { errorMessage } from "@/components/trpc/errors";
import { AsOfTaskDialog } from "./as-of-task-dialog";
import { formatInstant } from "./format-instant";
import { TimeControls } from "./time-controls";
import { setAsOfParam, useAsOfParam } from "./use-as-of-param";

/** Waiting this long after the slider stops before asking the server keeps dragging smooth. */
const DEBOUNCE_MS = 150;

/**
 * The board's header and body (filters, columns, archive), live — or, with ?asOf=, as it was then: read-only,
 * everything in it (task count, members, overdue markers) computed as of that instant, under a banner that
 * stays in sight while scrolling, with the time controls, in a look of its own.
 */
export function TimeTravelBoard({ header, children }: { header: ReactNode; children: ReactNode }) {
  const asOf = useAsOfParam();
  return asOf ? (
    <PastBoard asOf={asOf} header={header}>
      {children}
    </PastBoard>
  ) : (
    <>
      {header}
      {children}
    </>
  );
}

/**
 * A page opened on a past instant (?asOf=, a shared link) asks for that board at once, alongside the live one,
 * rather than once the live board is drawn and PastBoard asks (the same query: PastBoard then finds it).
 */
export function usePastBoardEarly(projectId: string) {
  const asOf = useAsOfParam();
  const lsn = useLastWriteLsn();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (asOf) void queryClient.prefetchQuery({ ...trpc.board.asOf.queryOptions({ projectId, asOf, lsn }), staleTime: Infinity });
  }, [asOf, lsn, projectId, queryClient, trpc]);
}

function PastBoard({ asOf, header, children }: { asOf: Date; header: ReactNode; children: ReactNode }) {
  const live = useBoardSession();
  const trpc = useTRPC();
  const [now] = useState(() => new Date());
  // The instant the controls show; the URL (and so the query) follows it once it rests.
  const [shown, setShown] = useState(asOf);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);

  useEffect(() => {
    if (shown.getTime() === asOf.getTime()) return;
    const timer = setTimeout(() => setAsOfParam(shown), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [shown, asOf]);

  // Asking for the first instant there is answers "did not exist yet", with the project's creation time.
  const lsn = useLastWriteLsn();
  const creation = useQuery({ ...trpc.board.asOf.queryOptions({ projectId: live.projectId, asOf: new Date(0), lsn }), staleTime: Infinity });
  const createdAt = creation.data && !creation.data.exists ? creation.data.createdAt : null;
  // The past does not change, and the previous board stays up while the next one loads, so dragging feels immediate.
  // Live updates only refetch the present board, so they never move this view.
  const past = useQuery({
    ...trpc.board.asOf.queryOptions({ projectId: live.projectId, asOf, lsn }),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });

  // The project's latest changes, marked on the slider (the log page answers newest first, 200 at most).
  const log = useQuery({ ...trpc.project.auditLog.queryOptions({ projectId: live.projectId, limit: 200 }), staleTime: Infinity });
  const marks = useMemo(() => log.data?.items.map((event) => event.timestamp) ?? [], [log.data]);
  // Due dates are overdue as of the day shown, not as of today.
  const today = localToday(past.data?.asOf ?? asOf);
  const pastBoard = past.data?.exists ? past.data.board : null;
  // Members as they were then: someone who has left since still has a name on the cards of that time.
  const memberById = useMemo(() => {
    const members = new Map(pastBoard?.members.map((m) => [m.id, m]));
    return (id: string | null) => (id ? members.get(id) : undefined);
  }, [pastBoard]);
  const session: BoardSession | null = pastBoard
    ? { ...live, board: pastBoard, today, memberById, canEdit: false, canManage: false, moveTask: () => {}, openTask: setOpenTaskId }
    : null;

  return (
    <>
      {/* The header counts and lists what the board held then (the live one until the past board is in). */}
      <BoardSessionContext value={session ?? live}>{header}</BoardSessionContext>
      <section aria-label="Time travel" className="mb-4 rounded-xl border border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40">
        <div
          data-past-banner
          className="sticky top-[calc(3.5rem+1px)] z-30 flex flex-wrap items-center gap-x-2 gap-y-2 rounded-t-xl border-b border-amber-300/70 bg-amber-50/95 px-4 py-2.5 backdrop-blur dark:border-amber-800/70 dark:bg-amber-950/90"
        >
          <HistoryIcon />
          <p className="text-sm text-amber-950 dark:text-amber-100">
            You are looking at the board as it was at <strong className="font-semibold">{formatInstant(shown)}</strong>
            <span aria-hidden="true"> —</span>
          </p>
          <button type="button" onClick={() => setAsOfParam(null)} className={`${buttonSecondary} h-7`}>
            Back to now
          </button>
          <span className="text-xs text-amber-900/80 dark:text-amber-200/80">Read only.</span>
          <span role="status" className="ml-auto text-xs text-amber-900/80 dark:text-amber-200/80">
            {past.isFetching ? "Loading…" : ""}
          </span>
        </div>
        <div className="px-4 py-3">
          <TimeControls min={createdAt} max={now} value={shown} onChange={setShown} marks={marks} />
        </div>
      </section>

      {past.isError ? (
        <p role="alert" className="rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">
          {errorMessage(past.error)}
        </p>
      ) : past.data && !past.data.exists ? (
        <NotYetCreated createdAt={past.data.createdAt} onGoThere={setShown} />
      ) : session ? (
        <BoardSessionContext value={session}>
          <CardSessionContext
            // The past board's own colours: as they were chosen at that instant.
            value={{ canEdit: false, today, memberById, labelColours: session.board.labelColours, openTask: setOpenTaskId, pendingState: () => null }}
          >
            <div
              data-past-board
              className={`rounded-xl bg-amber-50/60 p-3 ring-1 ring-amber-200 dark:bg-amber-950/20 [&_[data-task-id]]:border-dashed dark:ring-amber-900/70 ${
                past.isPlaceholderData ? "opacity-80 transition-opacity" : ""
              }`}
            >
              {children}
            </div>
            <AsOfTaskDialog taskId={openTaskId} asOf={asOf} canRestore={live.canEdit} onClose={() => setOpenTaskId(null)} />
          </CardSessionContext>
        </BoardSessionContext>
      ) : (
        <p aria-busy="true" className="py-10 text-center text-sm text-fg-muted">Loading the board as it was…</p>
      )}
    </>
  );
}

function HistoryIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="size-4 text-amber-700 dark:text-amber-300">
      <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.5H5M8 5v3l2 1.5" />
    </svg>
  );
}

/** Before its creation a project has no board at all, which is not the same as an empty one. */
function NotYetCreated({ createdAt, onGoThere }: { createdAt: Date; onGoThere: (date: Date) => void }) {
  return (
    <div className="rounded-xl border border-dashed border-border-strong px-6 py-12 text-center">
      <p className="text-base font-semibold text-fg">This project did not exist yet</p>
      <p className="mt-1 text-sm text-fg-muted">It was created on {formatTimestamp(createdAt)}.</p>
      <button type="button" onClick={() => onGoThere(createdAt)} className={`${buttonSecondary} mt-4`}>
        Go to its creation
      </button>
    </div>
  );
}
