import { StateCache } from "./state-cache";
import { processWide } from "../process-wide";

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * When snapshots are taken, per deployment: a stream's state every `aggregateEvery` events, a project's
 * board every `boardEvery` events. Read at each use, so a tool or test may change them.
 */
export const snapshotPolicy = {
  aggregateEvery: fromEnv("SNAPSHOT_EVERY", 100),
  boardEvery: fromEnv("BOARD_SNAPSHOT_EVERY", 1000),
};


/**
 * The process's cache of recent aggregate states and decoded board snapshots, bounded by the total
 * length of their JSON (SNAPSHOT_CACHE_MB, 64 by default). Entries are immutable: folds copy, never mutate.
 */
export function stateCache(): StateCache<unknown> {
  return processWide("chronoboardStateCache", () => new StateCache<unknown>(fromEnv("SNAPSHOT_CACHE_MB", 64) * 1024 * 1024));
}
