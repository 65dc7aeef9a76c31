/**
 * Forgets what this process remembers of the log (recent aggregate states, parsed board snapshots, board
 * heads), so that the next command runs as on an instance that has served nothing yet.
 */
export function forgetProcessState() {
  const caches = globalThis as unknown as { chronoboardStateCache?: unknown; chronoboardBoardHeads?: unknown };
  caches.chronoboardStateCache = undefined;
  caches.chronoboardBoardHeads = undefined;
}
