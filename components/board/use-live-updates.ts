"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/context";
import { rememberPosition } from "@/components/trpc/written-positions";
import { applyBoardPatch } from "./board-patch";
import type { BoardData } from "./types";

export type LiveStatus = "live" | "connecting" | "offline";

/**
 * Follows the project's change stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY). Each message
 * says what changed on the board, which is patched into the cached board at once; the board is then
 * refetched in the background from its read model, once that has the change, so the page also learns how far
 * the read model is behind (a parked event shows as held back). A message that does not fit the board as
 * drawn, or a "resync" after a reconnect, only refetches. Open tasks that changed are refetched.
 */
export function useLiveUpdates(projectId: string): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
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
          queryClient.setQueriesData<BoardData>(boards, (board) => (board && applyBoardPatch(board, change)) ?? board);
          rememberPosition(projectId, change.position);
          void queryClient.invalidateQueries(boards);
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
