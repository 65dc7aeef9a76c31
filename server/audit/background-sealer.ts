import { getPool } from "../db";
import { logger } from "../log";
import { followFeed } from "../eventstore";
import { sealPending } from "./sealer";

/** Also seal on a timer: a notification can be missed, and an event can wait behind a long transaction. */
const POLL_MS = 5_000;

const globalForSealer = globalThis as unknown as { chronoboardSealer?: boolean };

/**
 * Keeps the chain close behind the log, in the app's process: seals whenever a commit is announced and
 * every few seconds. Every app instance runs one; the sealer's lock lets one work at a time. Started once
 * per process (idempotent, also across hot reloads in development).
 */
export function startBackgroundSealer() {
  if (globalForSealer.chronoboardSealer) return;
  globalForSealer.chronoboardSealer = true;
  const seal = () => sealPending(getPool()).then(
    () => {},
    (err: unknown) => logger.error({ err }, "audit sealer failed"),
  );
  followFeed(seal, { pollMs: POLL_MS, signal: new AbortController().signal }).catch((err) =>
    logger.error({ err }, "audit sealer stopped listening"),
  );
}
