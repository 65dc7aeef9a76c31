import { getPool } from "../db/pool";
import { ANY_PROJECT, projectNotifications } from "../eventstore";
import { sealPending } from "./sealer";

/** Also seal on a timer: a notification can be missed, and an event can wait behind a long transaction. */
const POLL_MS = 5_000;

/**
 * Keeps the chain close behind the log, in the app's process: seals whenever a commit is announced and
 * every few seconds. Every app instance runs one; the sealer's lock lets one work at a time.
 */
class BackgroundSealer {
  private running = false;
  private again = false;

  readonly wake = () => {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.run().finally(() => (this.running = false));
  };

  private async run() {
    do {
      this.again = false;
      try {
        await sealPending(getPool());
      } catch (error) {
        console.error("audit sealer:", error);
      }
    } while (this.again);
  }

  async start() {
    setInterval(this.wake, POLL_MS).unref();
    this.wake();
    const commits = await projectNotifications().subscribe(ANY_PROJECT, new AbortController().signal);
    for await (const _ of commits) this.wake();
  }
}

const globalForSealer = globalThis as unknown as { chronoboardSealer?: BackgroundSealer };

/** Starts the process's sealer once (idempotent, also across hot reloads in development). */
export function startBackgroundSealer() {
  if (globalForSealer.chronoboardSealer) return;
  globalForSealer.chronoboardSealer = new BackgroundSealer();
  globalForSealer.chronoboardSealer.start().catch((error) => console.error("audit sealer stopped listening:", error));
}
