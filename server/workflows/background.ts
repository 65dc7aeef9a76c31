import type pg from "pg";
import { getPool } from "../db";
import { followFeed } from "../eventstore";
import { logger } from "../log";
import { ProjectorRunner } from "../projectors";
import { escalate, reviewSagaOrchestrator } from "./review-saga/orchestrator";
import { fireDueTimeouts } from "./review-saga/timeouts";
import { ruleEngine } from "./rules/engine";

/** How often due review time limits are looked for (they also are on every announced commit). */
const TIMEOUT_POLL_MS = 1000;

/**
 * Starts the automation in the app's process (once, by server/startup.ts): the rule engine and the
 * review saga follow the feed like projectors (one instance leads each), and every instance fires due
 * review time limits (rows are locked, so each fires once).
 */
export function startBackgroundWorkflows() {
  const pool = getPool();
  const signal = new AbortController().signal;
  for (const projector of [ruleEngine(pool), reviewSagaOrchestrator(pool)]) {
    new ProjectorRunner(projector, { pool })
      .start(signal)
      .catch((err) => logger.error({ err, projector: projector.name }, "workflow stopped listening"));
  }
  runTimeoutScheduler(pool, signal).catch((err) => logger.error({ err }, "review time limits stopped"));
}

/** Fires due review time limits until the signal aborts. */
export function runTimeoutScheduler(pool: pg.Pool, signal: AbortSignal) {
  const fire = async () => {
    try {
      while ((await fireDueTimeouts(pool, escalate)) > 0 && !signal.aborted);
    } catch (error) {
      logger.error({ err: error }, "review time limits failed");
    }
  };
  return followFeed(fire, { pollMs: TIMEOUT_POLL_MS, signal });
}
