import { getPool } from "../db";
import { logger } from "../log";
import { followFeed } from "../eventstore";
import { checkpointStale, sealPending } from "./sealer";

/** Also seal on a timer: a notification can be missed, and an event can wait behind a long transaction. */
const POLL_MS = 5_000;

/**
 * Keeps the chain close behind the log, in the app's process: seals whenever a commit is announced and
 * every few seconds. Every app instance runs one; the sealer's lock lets one work at a time. Started once
 * per process, by server/startup.ts; the proofs bench starts and stops it to measure its cost to appends.
 */
export function startBackgroundSealer(signal = new AbortController().signal, { checkpoints = true } = {}) {
  const seal = () => sealPending(getPool(), { checkpoints }).then(() => (checkpoints ? checkpointStale(getPool()) : undefined)).then(
    () => {},
    (err: unknown) => logger.error({ err }, "audit sealer failed"),
  );
  followFeed(seal, { pollMs: POLL_MS, signal }).catch((err) =>
    logger.error({ err }, "audit sealer stopped listening"),
  );
}
