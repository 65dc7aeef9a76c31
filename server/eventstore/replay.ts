import type { Db } from "../db";
import { CommandIdReusedError } from "./errors";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent, StreamId } from "./types";

/** What a command is recognised by: the id its first event got, and who sent it where. */
export interface CommandAttempt extends StreamId {
  projectId: string;
  /** The first event's id: derived from the command id, so every attempt of one command gives it again. */
  firstEventId: string;
  /** The author (the session's user, or an automation's actor): a command id belongs to one author. */
  userId: string;
}

/*
 * The events one append statement wrote: one transaction, one stream, one metadata value, from the first
 * event on in version order. Found by the first event's id (unique index) and then the (transaction_id,
 * position) index, so a lookup costs two index probes however long the stream is.
 */
const STORED_COMMAND_SQL = `
SELECT ${EVENT_COLUMNS} FROM events e
WHERE e.transaction_id = (SELECT transaction_id FROM events WHERE event_id = $1)
  AND (e.aggregate_type, e.aggregate_id, e.metadata) = (SELECT aggregate_type, aggregate_id, metadata FROM events WHERE event_id = $1)
  AND e.version >= (SELECT version FROM events WHERE event_id = $1)
ORDER BY e.version`;

/**
 * The one place where a command sent again is recognised: the events its first attempt stored (whatever
 * instance stored them, whether or not it lived to answer), or null when it never was. The same command
 * id from another author, or for another stream or project, is refused: never someone else's answer.
 */
export async function storedAttempt(db: Db, attempt: CommandAttempt): Promise<StoredEvent[] | null> {
  const { rows } = await db.query<EventRow>(STORED_COMMAND_SQL, [attempt.firstEventId]);
  if (rows.length === 0) return null;
  const first = rows[0]!;
  if (first.metadata.userId !== attempt.userId) throw new CommandIdReusedError("another user");
  if (first.aggregate_type !== attempt.aggregateType || first.aggregate_id !== attempt.aggregateId || first.project_id !== attempt.projectId) {
    throw new CommandIdReusedError("another command");
  }
  const events = rows.map(rowToEvent);
  const consecutive = events.findIndex((e, i) => e.version !== events[0]!.version + i);
  return consecutive === -1 ? events : events.slice(0, consecutive);
}
