"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/context";

/** Refetches the board; returning the promise keeps a mutation pending until the new board is shown. */
export function useInvalidateBoard(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.board.get.queryFilter({ projectId }));
}
