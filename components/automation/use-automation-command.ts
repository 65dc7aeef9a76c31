"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/context";
import { refetchFromNow } from "@/components/trpc/refetch-from-now";

/** Runs one change to the project's automation, then reloads the settings. */
export function useAutomationCommand<I>(projectId: string, send: (input: I & { projectId: string; commandId: string }) => Promise<unknown>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => send({ ...input, projectId, commandId: crypto.randomUUID() }),
    onSuccess: () => refetchFromNow(queryClient, trpc.automation.settings.queryFilter({ projectId })),
  });
}
