import type { QueryClient, QueryFilters } from "@tanstack/react-query";

/**
 * Invalidates the queries so that each is fetched again by a request sent from now on. TanStack Query hands an
 * invalidation of a query loading for the first time (no data yet) the fetch under way, which may have been read
 * before the change the invalidation is about, and then forgets it: a task panel opened just before an edit or a
 * teammate's change kept showing the task as it was. A fetch under way is awaited, not cancelled: on a busy board
 * each change would otherwise cancel the first load in turn.
 */
export async function refetchFromNow(queryClient: QueryClient, filters: QueryFilters): Promise<void> {
  if (queryClient.isFetching(filters) > 0) {
    await queryClient.refetchQueries({ ...filters, fetchStatus: "fetching" }, { cancelRefetch: false }).catch(() => {});
  }
  await queryClient.invalidateQueries(filters, { cancelRefetch: false });
}
