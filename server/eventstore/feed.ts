import type { Db } from "../db";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent } from "./types";

/** Where a subscriber stands in the global feed: the last (transaction, position) it has handled. */
export interface FeedCheckpoint {
  transactionId: string;
  position: number;
}

export const FEED_START: FeedCheckpoint = { transactionId: "0", position: 0 };

/*
 * Positions come from a sequence, taken at insert but visible only at commit, so "position > last" can
 * pass over a transaction that commits late with a lower number. Reading in (transaction id, position)
 * order and only below the oldest transaction still running (pg_snapshot_xmin) never does: every event
 * returned belongs to a committed transaction, and no transaction that could still commit sorts before it.
 * Appends take no global lock for this.
 */
export async function readFeed(db: Db, after: FeedCheckpoint, limit = 500): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY events.transaction_id, events.position
     LIMIT $3`,
    [after.transactionId, after.position, limit],
  );
  return rows.map(rowToEvent);
}

export function checkpointOf(event: StoredEvent): FeedCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}
