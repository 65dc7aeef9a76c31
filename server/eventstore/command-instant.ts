import { isDeepStrictEqual } from "node:util";
import type { StoredEvent } from "./types";

/*
 * A command's events carry one instant (the append stamps them together). Events stored before that was
 * so may each carry their own, a few microseconds apart; a cut by instant then goes by the command's LAST
 * instant, so that no instant shows part of a command. "The events of one command" are the rows one append
 * statement wrote: one transaction, one stream, one metadata value; the (project_id, transaction_id,
 * aggregate_id) index finds them, without reading the rest of a transaction that wrote many (migration 0100).
 */
/** SQL: row `c` belongs to the command of row `e`. */
export const sameCommand = (e: string, c: string) =>
  `${c}.project_id = ${e}.project_id AND ${c}.transaction_id = ${e}.transaction_id AND ${c}.aggregate_type = ${e}.aggregate_type
   AND ${c}.aggregate_id = ${e}.aggregate_id AND ${c}.metadata = ${e}.metadata`;

/** SQL: row `e`'s command was wholly stored before `bound` (an exclusive SQL timestamptz expression). */
export const commandBefore = (e: string, bound: string) =>
  `(${e}."timestamp" < ${bound} AND NOT EXISTS (SELECT 1 FROM events cmd WHERE ${sameCommand(e, "cmd")} AND cmd."timestamp" >= ${bound}))`;

/** SQL: row `e`'s command counts at or after `bound`: its last event was stored then or later. */
export const commandAtOrAfter = (e: string, bound: string) => `NOT ${commandBefore(e, bound)}`;

/** `a` and `b` belong to one command, as sameCommand decides in SQL. */
export const isSameCommand = (a: StoredEvent, b: StoredEvent) =>
  a.projectId === b.projectId &&
  a.transactionId === b.transactionId &&
  a.aggregateType === b.aggregateType &&
  a.aggregateId === b.aggregateId &&
  isDeepStrictEqual(a.metadata, b.metadata);

/**
 * The instant each of a stream's events counts at (events in version order): its command's last, as the
 * SQL above decides; for events stamped together, their own.
 */
export function commandInstants(events: StoredEvent[]): Date[] {
  const instants: Date[] = [];
  for (let end = events.length - 1; end >= 0; end--) {
    const next = events[end + 1];
    instants[end] = next && isSameCommand(next, events[end]!) ? instants[end + 1]! : events[end]!.timestamp;
  }
  return instants;
}
