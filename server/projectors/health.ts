import type { Db } from "../db";
import { feedLag } from "../eventstore";
import { setProjectionHealth } from "../metrics";
import { projectors } from "../read-models";
import { type DeadLetterStatus, OPEN } from "./runner/dead-letters";

/** Where a projector stands behind the log, read from the database (so it holds for every instance). */
export interface ProjectorLag {
  projector: string;
  /** Committed events after its checkpoint, counted up to LAG_COUNT_LIMIT. */
  events: number;
  /** Age of the oldest of them; 0 when caught up. */
  seconds: number;
}

/** Counting stops here: far behind is far behind, and the count must stay cheap to scrape. */
export const LAG_COUNT_LIMIT = 100_000;

/** The lag of each named projector, in feed order ((transaction_id, position), as the runner reads). */
export async function projectorLag(db: Db, projectors: string[]): Promise<ProjectorLag[]> {
  const lag = await feedLag(db, projectors, { limit: LAG_COUNT_LIMIT });
  return lag.map(({ name, events, seconds }) => ({ projector: name, events, seconds }));
}

export interface DeadLetterCount {
  projector: string;
  status: DeadLetterStatus;
  count: number;
}

/** Dead letters that still block an aggregate, by projector and status. */
export async function openDeadLetterCounts(db: Db): Promise<DeadLetterCount[]> {
  const { rows } = await db.query<DeadLetterCount>(
    `SELECT projector, status, count(*)::int AS count FROM dead_letters
     WHERE status IN ${OPEN} GROUP BY projector, status ORDER BY projector, status`,
  );
  return rows;
}

/** Reads the lag of every registered projector and the open dead letters, and sets the metrics' gauges to them. */
export async function refreshHealthGauges(db: Db): Promise<{ lag: ProjectorLag[]; deadLetters: DeadLetterCount[] }> {
  const [lag, deadLetters] = await Promise.all([
    projectorLag(db, Object.values(projectors).map((p) => p.name)),
    openDeadLetterCounts(db),
  ]);
  setProjectionHealth(lag, deadLetters);
  return { lag, deadLetters };
}
