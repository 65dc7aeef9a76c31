"use client";

import { onlineManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import type { AppRouter } from "@/server/api/root";
import { TRPCProvider } from "./context";
import { TRPC_URL } from "./first-board-request";
import { transformer } from "./transformer";
import { isFinalAnswer } from "./errors";
import { writtenPositionsLink } from "./written-positions";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A rule or permission answer will not change on retry; a dropped connection may.
        retry: (failures, error) => failures < 2 && !isFinalAnswer(error),
      },
      mutations: {
        // Same variables (and so the same commandId) on retry: the server recognises the repeat.
        retry: (failures, error) => failures < 1 && !isFinalAnswer(error),
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/**
 * When the connection returns, TanStack Query first awaits its paused commands and only then resumes its paused
 * queries. A command that settled just before the connection went waits (onSettled) for a board refetch that the lost
 * connection paused, and holds back the commands after it in their scope: each then waits on the other, and nothing
 * made offline is sent. Resuming the queries at once breaks that wait; TanStack resuming them again after is harmless.
 */
function resumeQueriesWhenOnline(client: QueryClient) {
  onlineManager.subscribe((online) => {
    if (online) client.getQueryCache().onOnline();
  });
}

/** One client per browser tab; a fresh one per server render so users never share a cache. */
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserQueryClient) {
    browserQueryClient = makeQueryClient();
    resumeQueriesWhenOnline(browserQueryClient);
  }
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        writtenPositionsLink,
        // Subscriptions (live board updates) stream over server-sent events; the rest is batched HTTP.
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: TRPC_URL, transformer }),
          // The server refuses batches of more than 50 calls (server/api/http/trpc-handler.ts).
          false: httpBatchLink({ url: TRPC_URL, transformer, maxItems: 50 }),
        }),
      ],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
