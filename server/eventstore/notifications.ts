import { EventEmitter, on } from "node:events";
import type pg from "pg";
import { newSessionClient } from "../db";
import { CHANGES_CHANNEL } from "./change-announcer";
import { processWide } from "../process-wide";

/** How often every subscriber re-checks anyway, for writes nobody announced (scripts, a lost NOTIFY). */
const RECHECK_MS = 3000;
/** How often a lost LISTEN connection is tried again. */
const RETRY_MS = 500;

/** Subscribes to the events of every project (the audit sealer follows the whole feed). */
export const ANY_PROJECT = "*";

/**
 * One LISTEN connection per process, fanned out to subscribers by project id. Appending instances announce
 * committed changes with NOTIFY (change-announcer.ts), which the database delivers to every instance, so live
 * updates work with several app servers on one database.
 */
class ProjectNotifications {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private recheck: NodeJS.Timeout | null = null;
  /** Numbers each wake-up, so subscribers woken together can tell (see subscribe). */
  private wakes = 0;

  private async connect(): Promise<void> {
    const client = newSessionClient();
    client.on("notification", (message) => {
      const wake = ++this.wakes;
      for (const projectId of (message.payload ?? "").split(",")) this.emitter.emit(projectId, wake);
      this.emitter.emit(ANY_PROJECT, wake);
    });
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      void client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.recheck ??= setInterval(() => this.wakeAll(), RECHECK_MS).unref();
  }

  /** The listening connection died (PostgreSQL restarted, say): listen again as soon as the server is back. */
  private lost(dead: pg.Client) {
    if (this.client !== dead) return;
    this.client = null;
    this.connecting = null;
    this.retry();
  }

  private retry() {
    setTimeout(() => {
      this.ensureConnected().then(
        // Notifications may have been missed meanwhile: wake every subscriber to check.
        () => this.wakeAll(),
        () => this.retry(),
      );
    }, RETRY_MS).unref();
  }

  private wakeAll() {
    // events.on() also listens for "error" on the emitter; emitting that would fail every subscription.
    const wake = ++this.wakes;
    for (const name of this.emitter.eventNames()) if (name !== "error") this.emitter.emit(name, wake);
  }

  ensureConnected(): Promise<void> {
    this.connecting ??= this.connect().catch((error) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  /**
   * Starts listening at once (so nothing committed after this call is missed) and yields whenever events
   * of the project (or, for ANY_PROJECT, of any project) may have been committed, until the signal aborts.
   * Each yield is the wake-up's number, the same for every subscriber woken by one announcement: what was
   * read after any of them saw it includes everything committed before it.
   */
  async subscribe(projectId: string, signal: AbortSignal): Promise<AsyncIterable<number>> {
    await this.ensureConnected();
    const iterator = on(this.emitter, projectId, { signal });
    return (async function* () {
      try {
        for await (const [wake] of iterator) yield wake as number;
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    })();
  }
}


export function projectNotifications(): ProjectNotifications {
  return processWide("chronoboardNotifications", () => new ProjectNotifications());
}
