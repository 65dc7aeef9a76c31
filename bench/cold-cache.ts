import { stateCache } from "../server/eventstore";

/**
 * Empties the process's state cache through its public API, so the next load starts "cold" as in a process
 * that has not seen the stream or board: one entry as large as the whole budget evicts every other (LRU),
 * and is then removed.
 */
export function emptyStateCache(): void {
  const cache = stateCache();
  cache.set("bench:evict-all", null, cache.maxSize);
  cache.delete("bench:evict-all");
}
