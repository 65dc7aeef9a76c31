import pg from "pg";
import { getPool } from "../db";

export const CHANGES_CHANNEL = "chronoboard_events";
const FLUSH_MS = 15;
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const PAYLOAD_BYTES = 7999;

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
    await getPool().query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload", [CHANGES_CHANNEL, payloads(projectIds)]);
  } catch {
    // Subscribers also re-check on a timer; a lost announcement only delays an update.
  }
}

/** The project ids, comma-separated, in as many payloads as the limit needs (a burst may touch hundreds of projects). */
function payloads(projectIds: string[]): string[] {
  const chunks: string[] = [];
  let chunk = "";
  let bytes = 0;
  for (const id of projectIds) {
    const size = Buffer.byteLength(id);
    if (chunk && bytes + 1 + size > PAYLOAD_BYTES) {
      chunks.push(chunk);
      chunk = "";
    }
    bytes = chunk ? bytes + 1 + size : size;
    chunk = chunk ? `${chunk},${id}` : id;
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

/** Announces a committed change. Appends inside a caller's transaction are not announced (not committed yet). */
export function announceChange(db: unknown, projectId: string) {
  if (!(db instanceof pg.Pool)) return;
  pending.add(projectId);
  timer ??= setTimeout(() => void flush(), Math.max(0, lastFlush + FLUSH_MS - Date.now()));
}
