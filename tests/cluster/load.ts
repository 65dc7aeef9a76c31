/**
 * Load for the drills, through HAProxy: writers that create tasks, each command retried with the same command
 * id until it is acknowledged (as the app's client would), and readers of a project's history.
 */
import { randomUUID } from "node:crypto";
import type { ApiClient } from "./client";

export interface Failure {
  startedAt: number;
  endedAt: number;
  error: string;
}

export interface WriterLoad {
  /** Command ids acknowledged, and every command id sent (acknowledged or not). */
  acknowledged: string[];
  sent: string[];
  failures: Failure[];
  requests: number;
  /** The last WAL position a write answered with. */
  lastLsn: () => string | undefined;
  stop: () => Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startWriters(client: ApiClient, projectId: string, columnId: string, writers = 4, retryForMs = 60_000): WriterLoad {
  const load: Omit<WriterLoad, "stop" | "lastLsn"> = { acknowledged: [], sent: [], failures: [], requests: 0 };
  let lsn: string | undefined;
  let running = true;
  const loop = async (writer: number) => {
    for (let n = 0; running; n++) {
      const commandId = randomUUID();
      load.sent.push(commandId);
      const giveUpAt = Date.now() + retryForMs;
      for (;;) {
        const startedAt = Date.now();
        load.requests++;
        const answer = await client.mutation<{ lsn?: string }>("task.create", { projectId, commandId, columnId, title: `w${writer}-${n}` });
        if (answer.ok) {
          load.acknowledged.push(commandId);
          lsn = answer.data?.lsn ?? lsn;
          break;
        }
        load.failures.push({ startedAt, endedAt: Date.now(), error: answer.error ?? "?" });
        if (Date.now() > giveUpAt) throw new Error(`command ${commandId} not acknowledged within ${retryForMs} ms`);
        await pause(100);
      }
    }
  };
  const loops = Array.from({ length: writers }, (_, i) => loop(i));
  return Object.assign(load, {
    lastLsn: () => lsn,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  });
}

export interface ReaderLoad {
  reads: { startedAt: number; at: number; readFrom: string | null; ok: boolean; error?: string }[];
  stop: () => Promise<void>;
}

/** Readers of the project's audit log (a history read), each a page of 20 newest events. */
export function startReaders(client: ApiClient, projectId: string, readers = 2): ReaderLoad {
  const reads: ReaderLoad["reads"] = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const startedAt = Date.now();
      const answer = await client.query("project.auditLog", { projectId, limit: 20 });
      reads.push({ startedAt, at: Date.now(), readFrom: answer.readFrom, ok: answer.ok, error: answer.error });
      await pause(50);
    }
  };
  const loops = Array.from({ length: readers }, loop);
  return {
    reads,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
