import { logger } from "../log";

const pending = new Set<Promise<void>>();

/**
 * Runs work after the current request has been answered (snapshots: nothing waits for them). A failure
 * is logged and costs only the work: the next load replays a little more.
 */
export function inBackground(what: string, work: () => Promise<void>): void {
  const done: Promise<void> = new Promise((resolve) => setImmediate(resolve))
    .then(work)
    .catch((err: unknown) => logger.error({ err }, `${what} failed`))
    .finally(() => pending.delete(done));
  pending.add(done);
}

/** Resolves once the background work started so far (and any it started) is finished, e.g. before closing the pool. */
export async function backgroundWorkDone(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
