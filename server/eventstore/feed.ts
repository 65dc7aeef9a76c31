import type { Db } from "../db";
import { sameCommand } from "./command-instant";
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
 *
 * A batch ends after a whole command, never inside one (a command is one append: one transaction, one
 * stream, one metadata, consecutive in this order), so a read model that commits a batch at a time never
 * shows part of a command: a batch that reached its limit reads on to the end of its last command. It then
 * holds the limit or more, so "fewer than the limit" still means the feed has no more to give now.
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
  const events = rows.map(rowToEvent);
  return events.length < limit ? events : [...events, ...(await restOfCommand(db, events.at(-1)!))];
}

/** The events of `last`'s command after it, in feed order (sameCommand: the (project_id, transaction_id, aggregate_id) index). */
async function restOfCommand(db: Db, last: StoredEvent): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT rest.* FROM events l
     CROSS JOIN LATERAL (SELECT ${EVENT_COLUMNS} FROM events c WHERE ${sameCommand("l", "c")} AND c.position > l.position) rest
     WHERE l.position = $1
     ORDER BY rest.position`,
    [last.position],
  );
  return rows.map(rowToEvent);
}

export function checkpointOf(event: StoredEvent): FeedCheckpoint {
  return { transactionId: event.transactionId, position: event.position };
}
