import { EventEmitter, once } from "node:events";
import { type Db, statementName } from "../../db";
import { checkpointPassed, feedLag } from "../../eventstore";
import { OPEN } from "./dead-letters";

/** How long a query waits for a read model to reach the caller's last write. */
export const READ_YOUR_WRITES_MS = 2000;
/** Batches committed by another instance are seen by polling at this interval. */
const POLL_MS = 50;

const committed = new EventEmitter().setMaxListeners(0);

/** Called after a projector's batch committed in this process: wakes the queries waiting for it at once. */
export function announceBatch(name: string): void {
  committed.emit(name);
}

/**
 * Waits until the projector has reached the position, woken by its batches in this process and polling
 * for other instances', for at most timeoutMs. Resolves whether it did; a read then answers either way and
 * says how far behind it is.
 */
export async function waitForPosition(db: Db, name: string, position: number, timeoutMs = READ_YOUR_WRITES_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Passed: applied it, or parked or held it.
    if (await checkpointPassed(db, name, position)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await once(committed, name, { signal: AbortSignal.timeout(Math.min(POLL_MS, left)) }).catch(() => {});
  }
}

export interface ProjectionLag {
  /** The project's events the projector has not reached yet. */
  events: number;
  /** The project's events it parked or holds behind a parked one. */
  parked: number;
}

/** How far a read model is behind the log for one project. */
export async function projectionLag(db: Db, name: string, projectId: string): Promise<ProjectionLag> {
  const [[lag], parked] = await Promise.all([
    feedLag(db, [name], { projectId }),
    db.query<{ parked: number }>({
      name: statementName("chronoboard.parked-count"),
      text: `SELECT count(*)::int AS parked FROM dead_letters WHERE projector = $1 AND project_id = $2 AND status IN ${OPEN}`,
      values: [name, projectId],
    }),
  ]);
  return { events: lag!.events, parked: parked.rows[0]!.parked };
}
