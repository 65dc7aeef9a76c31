import type pg from "pg";
import { getPool } from "../db";
import { followFeed } from "../eventstore";
import { ProjectorRunner } from "../projectors";
import { escalate, reviewSagaOrchestrator } from "./review-saga/orchestrator";
import { fireDueTimeouts } from "./review-saga/timeouts";
import { ruleEngine } from "./rules/engine";

const globalForWorkflows = globalThis as unknown as { chronoboardWorkflows?: boolean };

/** How often due review time limits are looked for (they also are on every announced commit). */
const TIMEOUT_POLL_MS = 1000;

/**
 * Starts the automation in the app's process (idempotent, also across hot reloads): the rule engine and the
 * review saga follow the feed like projectors (one instance leads each), and every instance fires due
 * review time limits (rows are locked, so each fires once).
 */
export function startBackgroundWorkflows() {
  if (globalForWorkflows.chronoboardWorkflows) return;
  globalForWorkflows.chronoboardWorkflows = true;
  const pool = getPool();
  const signal = new AbortController().signal;
  for (const projector of [ruleEngine(pool), reviewSagaOrchestrator(pool)]) {
    new ProjectorRunner(projector, { pool })
      .start(signal)
      .catch((error) => console.error(`${projector.name} stopped listening:`, error));
  }
  runTimeoutScheduler(pool, signal).catch((error) => console.error("review time limits stopped:", error));
}

/** Fires due review time limits until the signal aborts. */
export function runTimeoutScheduler(pool: pg.Pool, signal: AbortSignal) {
  const fire = async () => {
    try {
      while ((await fireDueTimeouts(pool, escalate)) > 0 && !signal.aborted);
    } catch (error) {
      console.error("review time limits:", error);
    }
  };
  return followFeed(fire, { pollMs: TIMEOUT_POLL_MS, signal });
}
