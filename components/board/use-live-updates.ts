"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/context";
import { rememberPosition } from "@/components/trpc/written-positions";
import { applyBoardPatch } from "./board-patch";
import type { BoardData } from "./types";

export type LiveStatus = "live" | "connecting" | "offline";

/** How long after the last of a burst of live changes the board is refetched from its read model. */
const REFETCH_AFTER_MS = 500;

/**
 * Follows the project's change stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY). Each message
 * says what changed on the board, which is patched into the cached board at once; the board is then
 * refetched in the background from its read model (once a burst of changes is over, and the read model has
 * them), so the page also learns how far the read model is behind (a parked event shows as held back). A
 * message that does not fit the board as drawn, or a "resync" after a reconnect, only refetches. Open tasks
 * that changed are refetched.
 */
export function useLiveUpdates(projectId: string): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refetchLater] = useState(() => lastCallAfter(REFETCH_AFTER_MS));
  useEffect(() => refetchLater.cancel, [refetchLater]);
  const subscription = useSubscription(
    trpc.board.changes.subscriptionOptions(
      { projectId },
      {
        onData: ({ data: change }) => {
          const boards = trpc.board.get.queryFilter({ projectId });
          if (change.kind === "resync") {
            void queryClient.invalidateQueries(boards);
            void queryClient.invalidateQueries(trpc.task.pathFilter());
            return;
          }
          let applied = false;
          queryClient.setQueriesData<BoardData>(boards, (board) => {
            const patched = board && applyBoardPatch(board, change);
            applied ||= !!patched;
            return patched ?? board;
          });
          rememberPosition(projectId, change.position);
          // A patch that fits is checked against the read model once a burst of changes is over, so a busy board
          // is not refetched whole (and redrawn) for every change. One that does not fit is fetched at once, and so
          // is the board when a fetch is under way: that one may have asked for an older position, and landing
          // after the patch it would take the change back; refetching cancels it.
          if (applied && queryClient.isFetching(boards) === 0) refetchLater.run(() => void queryClient.invalidateQueries(boards));
          else void queryClient.invalidateQueries(boards);
          for (const taskId of change.changedTaskIds) {
            void queryClient.invalidateQueries(trpc.task.get.queryFilter({ projectId, taskId }));
            void queryClient.invalidateQueries(trpc.task.history.queryFilter({ projectId, taskId }));
          }
        },
      },
    ),
  );
  if (subscription.status === "pending") return "live";
  return subscription.status === "error" ? "offline" : "connecting";
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
