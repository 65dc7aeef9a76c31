"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { type BoardSession, BoardSessionContext, CardSessionContext, useBoardSession } from "@/components/board/board-session";
import { formatTimestamp } from "@/components/ui/format";
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
 * The board's body (filters, columns, archive), live — or, with ?asOf=, as it was then: read-only, under a
 * banner with the time controls.
 */
export function TimeTravelBoard({ children }: { children: ReactNode }) {
  const asOf = useAsOfParam();
  return asOf ? <PastBoard asOf={asOf}>{children}</PastBoard> : children;
}

function PastBoard({ asOf, children }: { asOf: Date; children: ReactNode }) {
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

  const session: BoardSession | null = past.data?.exists
    ? { ...live, board: past.data.board, canEdit: false, canManage: false, moveTask: () => {}, openTask: setOpenTaskId }
    : null;

  return (
    <>
      <section
        aria-label="Time travel"
        className="mb-4 space-y-3 rounded-xl border border-accent/40 bg-accent/5 px-4 py-3 dark:bg-accent/10"
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-2">
          <p className="text-sm text-fg">
            You are looking at <strong className="font-semibold">{formatInstant(shown)}</strong>
            <span aria-hidden="true"> —</span>
          </p>
          <button type="button" onClick={() => setAsOfParam(null)} className={`${buttonSecondary} h-7`}>
            Back to now
          </button>
          <span className="text-xs text-fg-muted">Read only: the board as it was then.</span>
          <span role="status" className="ml-auto text-xs text-fg-muted">
            {past.isFetching ? "Loading…" : ""}
          </span>
        </div>
        <TimeControls min={createdAt} max={now} value={shown} onChange={setShown} />
      </section>

      {past.isError ? (
        <p role="alert" className="rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">
          {errorMessage(past.error)}
        </p>
      ) : past.data && !past.data.exists ? (
        <NotYetCreated createdAt={past.data.createdAt} onGoThere={setShown} />
      ) : session ? (
        <BoardSessionContext value={session}>
          <CardSessionContext value={{ canEdit: false, today: live.today, memberById: live.memberById, openTask: setOpenTaskId }}>
            <div className={past.isPlaceholderData ? "opacity-80 transition-opacity" : undefined}>{children}</div>
            <AsOfTaskDialog taskId={openTaskId} asOf={asOf} onClose={() => setOpenTaskId(null)} />
          </CardSessionContext>
        </BoardSessionContext>
      ) : (
        <p aria-busy="true" className="py-10 text-center text-sm text-fg-muted">Loading the board as it was…</p>
      )}
    </>
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
