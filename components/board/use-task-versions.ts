"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { useTRPC } from "@/components/trpc/context";

export type TaskVersions = {
  /** The version to send as expectedVersion: the newest one this tab has been shown or has written itself. */
  expected(taskId: string): number | undefined;
  record(taskId: string, version: number): void;
};

/**
 * Remembers the versions our own commands produced. A refetch that started before our last write can
 * briefly show an older version; sending that would make our next command conflict with ourselves.
 */
export function useTaskVersions(projectId: string): TaskVersions {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const written = useRef(new Map<string, number>());

  return useMemo(() => {
    const boardKey = trpc.board.get.queryKey({ projectId });
    return {
      expected(taskId) {
        const board = queryClient.getQueryData(boardKey);
        const shown =
          board?.columns.flatMap((column) => column.tasks).find((task) => task.id === taskId)?.version ??
          board?.archived.find((task) => task.id === taskId)?.version;
        const own = written.current.get(taskId);
        if (shown === undefined) return own;
        return Math.max(shown, own ?? 0);
      },
      record(taskId, version) {
        written.current.set(taskId, Math.max(version, written.current.get(taskId) ?? 0));
      },
    };
  }, [trpc, queryClient, projectId]);
}
