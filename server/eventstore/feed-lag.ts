import { type Db, statementName } from "../db";

/** Where a feed subscriber's checkpoint (projection_checkpoints, by name) stands behind the log. */
export interface FeedLag {
  name: string;
  /** Committed events after the checkpoint, counted up to the limit when one is given. */
  events: number;
  /** Age of the oldest of them in feed order; 0 when caught up. */
  seconds: number;
}

/** The checkpoint of `c`, or the feed's start for a subscriber that has none yet. */
const AFTER_CHECKPOINT = `(e.transaction_id, e.position) > (coalesce(c.transaction_id, '0'::xid8), coalesce(c.position, 0))
  AND ($2::uuid IS NULL OR e.project_id = $2)`;

/**
 * The lag of each named checkpoint, in feed order ((transaction_id, position), as subscribers read), over
 * the whole log or one project's events. A range over the feed index: only the events after each checkpoint
 * are read, and counting stops at `limit`.
 */
export async function feedLag(db: Db, names: string[], opts: { projectId?: string; limit?: number } = {}): Promise<FeedLag[]> {
  const { rows } = await db.query<{ name: string; events: number; seconds: number | null }>({
    // Named: every board.get asks it (planning cost more than running it).
    name: statementName("chronoboard.feed-lag"),
    text: `SELECT n.name,
       (SELECT count(*)::int FROM (SELECT 1 FROM events e WHERE ${AFTER_CHECKPOINT} LIMIT $3) behind) AS events,
       (SELECT extract(epoch FROM clock_timestamp() - e."timestamp")::float8 FROM events e WHERE ${AFTER_CHECKPOINT}
          ORDER BY e.transaction_id, e.position LIMIT 1) AS seconds
     FROM unnest($1::text[]) AS n(name) LEFT JOIN projection_checkpoints c USING (name)
     ORDER BY n.name`,
    values: [names, opts.projectId ?? null, opts.limit ?? null],
  });
  return rows.map((r) => ({ name: r.name, events: r.events, seconds: Math.max(0, r.seconds ?? 0) }));
}

/** Whether the named checkpoint has passed the event at the position. */
export async function checkpointPassed(db: Db, name: string, position: number): Promise<boolean> {
  const { rows } = await db.query<{ reached: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM events e JOIN projection_checkpoints c ON c.name = $1
       WHERE e.position = $2 AND (e.transaction_id, e.position) <= (c.transaction_id, c.position)) AS reached`,
    [name, position],
  );
  return rows[0]!.reached;
}
