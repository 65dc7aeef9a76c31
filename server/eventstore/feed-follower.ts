import { ANY_PROJECT, projectNotifications } from "./notifications";

/**
 * Runs `work` whenever a commit is announced and every `pollMs` (a notification can be missed, and an event
 * can wait behind a long transaction), never twice at once: a wake during a run runs it once more after it.
 * `work` handles its own errors. Resolves when the signal aborts.
 */
export async function followFeed(work: () => Promise<void>, { pollMs, signal }: { pollMs: number; signal: AbortSignal }) {
  let running = false;
  let again = false;
  const wake = () => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      do {
        again = false;
        await work();
      } while (again && !signal.aborted);
    })().finally(() => (running = false));
  };
  const timer = setInterval(wake, pollMs);
  timer.unref();
  signal.addEventListener("abort", () => clearInterval(timer), { once: true });
  wake();
  const commits = await projectNotifications().subscribe(ANY_PROJECT, signal);
  for await (const _ of commits) wake();
}
