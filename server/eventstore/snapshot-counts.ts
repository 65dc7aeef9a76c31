import type { Db } from "../db";

export interface SnapshotDay {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  aggregate: number;
  board: number;
}

/**
 * Snapshots stored per UTC day over the last `days` days (today included, days without any as zeros).
 * Counted from the tables, so every instance's snapshots count; a snapshot replaced later counts on its
 * newer day, and deleted ones (snapshots are a cache) not at all.
 */
export async function snapshotsPerDay(db: Db, days: number): Promise<SnapshotDay[]> {
  const { rows } = await db.query<SnapshotDay>(
    `WITH span AS (SELECT generate_series(0, $1 - 1) AS back),
     taken AS (
       SELECT date_trunc('day', taken_at AT TIME ZONE 'UTC') AS day, 1 AS aggregate, 0 AS board FROM snapshots
         WHERE taken_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => $1 - 1)
       UNION ALL
       SELECT date_trunc('day', taken_at AT TIME ZONE 'UTC'), 0, 1 FROM board_snapshots
         WHERE taken_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(days => $1 - 1)
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(sum(t.aggregate), 0)::int AS aggregate, coalesce(sum(t.board), 0)::int AS board
     FROM (SELECT date_trunc('day', now() AT TIME ZONE 'UTC') - make_interval(days => back) AS day FROM span) d
     LEFT JOIN taken t ON t.day = d.day
     GROUP BY d.day ORDER BY d.day`,
    [days],
  );
  return rows;
}
