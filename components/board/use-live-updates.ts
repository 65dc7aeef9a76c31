"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/trpc/context";

export type LiveStatus = "live" | "connecting" | "offline";

/**
 * Follows the project's change stream (server-sent events fed by PostgreSQL LISTEN/NOTIFY) and refetches
 * the board and any open task when someone else's change commits. After a dropped connection the client
 * resumes with the last position it saw and the server tells it at once if it missed anything.
 */
export function useLiveUpdates(projectId: string): LiveStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscription = useSubscription(
    trpc.board.changes.subscriptionOptions(
      { projectId },
      {
        onData: () => {
          void queryClient.invalidateQueries(trpc.board.get.queryFilter({ projectId }));
          void queryClient.invalidateQueries(trpc.task.pathFilter());
        },
      },
    ),
  );
  if (subscription.status === "pending") return "live";
  return subscription.status === "error" ? "offline" : "connecting";
}
