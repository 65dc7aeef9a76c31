import type { Db } from "../db";
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
  const { rows } = await db.query<{ name: string; events: number; seconds: number | null }>(
    `SELECT n.name,
       (SELECT count(*)::int FROM (
          SELECT 1 FROM events e WHERE (e.transaction_id, e.position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0))
          LIMIT $2) behind) AS events,
       (SELECT extract(epoch FROM clock_timestamp() - e."timestamp")::float8 FROM events e
          WHERE (e.transaction_id, e.position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0))
          ORDER BY e.transaction_id, e.position LIMIT 1) AS seconds
     FROM unnest($1::text[]) AS n(name) LEFT JOIN projection_checkpoints c USING (name)
     ORDER BY n.name`,
    [projectors, LAG_COUNT_LIMIT],
  );
  return rows.map((r) => ({ projector: r.name, events: r.events, seconds: Math.max(0, r.seconds ?? 0) }));
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
