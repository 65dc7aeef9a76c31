import type { Db } from "../db";
import { commandAtOrAfter, commandBefore } from "./command-instant";
import type { FeedCheckpoint } from "./feed";

/** The first and last of a project's events in a time range, by position; null when there is none. */
export interface ProjectRangeEnds {
  first: number | null;
  last: number | null;
}

/**
 * In log order ((transaction id, position), the order the feed and the audit chain follow) and up to
 * `through`: the first of the project's events stored at or after `from`, and the last one stored before
 * `to`, by whole commands (a command counts at its last instant, see commandBefore). An open end gives null. Timestamps can be slightly out of log order between concurrent commits,
 * so the ends are found by log order, not by timestamp.
 */
export async function projectRangeEnds(
  db: Db,
  projectId: string,
  range: { from: Date | string | null; to: Date | string | null },
  through: FeedCheckpoint,
): Promise<ProjectRangeEnds> {
  const { rows } = await db.query<{ first: string | null; last: string | null }>(
    `SELECT
       (SELECT position FROM events
        WHERE $2::timestamptz IS NOT NULL AND project_id = $1 AND ${commandAtOrAfter("events", "$2")}
          AND (transaction_id, position) <= ($4::xid8, $5::bigint)
        ORDER BY events.transaction_id, events.position LIMIT 1) AS first,
       (SELECT position FROM events
        WHERE $3::timestamptz IS NOT NULL AND project_id = $1 AND ${commandBefore("events", "$3")}
          AND (transaction_id, position) <= ($4::xid8, $5::bigint)
        ORDER BY events.transaction_id DESC, events.position DESC LIMIT 1) AS last`,
    [projectId, range.from, range.to, through.transactionId, through.position],
  );
  const row = rows[0]!;
  return { first: row.first === null ? null : Number(row.first), last: row.last === null ? null : Number(row.last) };
}
