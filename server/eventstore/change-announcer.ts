import pg from "pg";
import { getPool } from "../db";

export const CHANGES_CHANNEL = "chronoboard_events";
const FLUSH_MS = 15;

/*
 * Tells every app instance (they all LISTEN) which projects got new events. A NOTIFY takes a database-wide
 * lock at commit, so one per append serialised all writers (BENCHMARKS.md, "Figures behind choices in the
 * code"). Instead each instance sends at most one NOTIFY per FLUSH_MS naming all projects that changed
 * meanwhile, after the appends committed: the cost no longer grows with the writes.
 * The first change after a quiet spell goes out at once (with the appends of the same tick), so a lone change
 * reaches other browsers without waiting out the window.
 */
const pending = new Set<string>();
let timer: NodeJS.Timeout | null = null;
let lastFlush = 0;

async function flush() {
  timer = null;
  lastFlush = Date.now();
  const projectIds = [...pending];
  pending.clear();
  try {
    await getPool().query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, projectIds.join(",")]);
  } catch {
    // Subscribers also re-check on a timer; a lost announcement only delays an update.
  }
}

/** Announces a committed change. Appends inside a caller's transaction are not announced (not committed yet). */
export function announceChange(db: unknown, projectId: string) {
  if (!(db instanceof pg.Pool)) return;
  pending.add(projectId);
  timer ??= setTimeout(() => void flush(), Math.max(0, lastFlush + FLUSH_MS - Date.now()));
}
