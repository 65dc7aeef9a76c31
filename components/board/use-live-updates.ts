"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useSession } from "@/components/auth/auth-client";
import { useTRPC } from "@/components/trpc/context";
import { refetchFromNow } from "@/components/trpc/refetch-from-now";
import { rememberPosition } from "@/components/trpc/written-positions";
import { applyBoardPatch } from "./board-patch";
import { markTeammateChanges } from "./teammate-marks";
import type { BoardData } from "./types";
import { useOnline } from "./use-online";

/** "offline": the browser has no connection; "reconnecting": it has, but the stream failed (a server restart, say). */
export type LiveStatus = "live" | "connecting" | "reconnecting" | "offline";

/** How long after the last of a burst of live changes the board is refetched from its read model. */
const REFETCH_AFTER_MS = 500;
/** The wait before starting a failed stream again, doubled after each failure in a row up to the longest. */
const RETRY_FIRST_MS = 1000;
const RETRY_LONGEST_MS = 15_000;

/**
 * Follows the project's change stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY). Each message
 * says what changed on the board, which is patched into the cached board at once; the board is then
 * refetched in the background from its read model (once a burst of changes is over, and the read model has
 * them), so the page also learns how far the read model is behind (a parked event shows as held back). A
 * message that does not fit the board as drawn, or a "resync" after a reconnect, only refetches. Open tasks
 * that changed are refetched. Each time the stream starts, the board is refetched too: what changed between
 * the board's load and the stream's start comes in no message. The stream starts with the page, beside the
 * board's first load (or when `start` turns true); a change before that load is drawn is not patched but fetched
 * after it. A stream that failed (the server answered a reconnect with an error, during a restart say) is not
 * retried by the browser: it is started again here.
 * Offline, the page says so at once (a stream open when the connection dropped can stay open without
 * delivering anything) and the stream is closed; it starts afresh (and so refetches) when the connection returns.
 */
export function useLiveUpdates(projectId: string, start = true): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refetchLater] = useState(() => lastCallAfter(REFETCH_AFTER_MS));
  useEffect(() => refetchLater.cancel, [refetchLater]);
  const [failures] = useState(failuresInARow);
  const boards = trpc.board.get.queryFilter({ projectId });
  const tasks = trpc.task.pathFilter();
  const refetchAll = () => {
    void refetchFromNow(queryClient, boards);
    void refetchFromNow(queryClient, tasks);
  };
  const online = useOnline();
  const me = useSession().data?.user.id;
  const subscription = useSubscription(
    trpc.board.changes.subscriptionOptions(
      { projectId },
      {
        // Offline, a stream cannot start (and a browser retrying it would spin): it starts again when the connection returns.
        enabled: online && start,
        onStarted: () => {
          failures.reset();
          // The page's first loads may have been read before the stream started, or before a change it tells of.
          void refetchFromNow(queryClient, boards);
          void refetchFromNow(queryClient, tasks);
        },
        onData: ({ data: change }) => {
          if (change.kind === "resync") return refetchAll();
          rememberPosition(projectId, change.position);
          const [drawn] = queryClient.getQueriesData<BoardData>(boards);
          if (drawn?.[1]) {
            if (me) markTeammateChanges(drawn[1], change, me);
            let applied = false;
            queryClient.setQueriesData<BoardData>(boards, (board) => {
              const patched = board && applyBoardPatch(board, change);
              applied ||= !!patched;
              return patched ?? board;
            });
            // A patch that fits is checked against the read model once a burst of changes is over, so a busy board
            // is not refetched whole (and redrawn) for every change. One that does not fit is fetched at once, and so
            // is the board when a fetch is under way: that one may have asked for an older position, and landing
            // after the patch it would take the change back; refetching cancels it.
            if (applied && queryClient.isFetching(boards) === 0) refetchLater.run(() => void queryClient.invalidateQueries(boards));
            else void queryClient.invalidateQueries(boards);
          } else void refetchFromNow(queryClient, boards);
          for (const taskId of change.changedTaskIds) {
            void refetchFromNow(queryClient, trpc.task.get.queryFilter({ projectId, taskId }));
            void refetchFromNow(queryClient, trpc.task.history.queryFilter({ projectId, taskId }));
          }
        },
      },
    ),
  );
  const { status, reset } = subscription;
  useEffect(() => {
    if (status !== "error") return;
    const timer = setTimeout(reset, failures.nextWait());
    return () => clearTimeout(timer);
  }, [status, reset, failures]);
  if (!online) return "offline";
  if (status === "pending") return "live";
  return status === "error" ? "reconnecting" : "connecting";
}

/** Runs only the last of the calls asked for in a row, `ms` after it was asked for. */
function lastCallAfter(ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run(call: () => void) {
      clearTimeout(timer);
      timer = setTimeout(call, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

/** Counts a stream's failures in a row, for the wait before it is started again. */
function failuresInARow() {
  let failures = 0;
  return {
    /** Counts a failure; the wait before the next start, doubled after each failure in a row. */
    nextWait: () => Math.min(RETRY_FIRST_MS * 2 ** failures++, RETRY_LONGEST_MS),
    reset: () => void (failures = 0),
  };
}
