import type pg from "pg";
import type { StoredEvent } from "../../eventstore";

/** The connection of the runner's transaction: a projector's changes commit with its checkpoint, or not at all. */
export type Tx = pg.PoolClient | pg.Client;

export interface Projector {
  /** Names its checkpoint, its locks and its dead letters. */
  name: string;
  /**
   * Applies one event to the read model. The checkpoint makes each event arrive once, but a handler must
   * still be idempotent by event id: an operator's retry, or a rebuild's catch-up, may bring one again.
   * Throwing refuses the event: it is retried, then parked (dead-letters.ts).
   */
  handle(tx: Tx, event: StoredEvent): Promise<void>;
  /**
   * Applies a batch of events (in feed order) with the same result as handling them one by one, with a few
   * set-based statements instead of a few per event. All or nothing: when it throws, the runner undoes it
   * and handles the events one by one, so a refused event is retried and parked as usual (apply.ts).
   */
  handleBatch?(tx: Tx, events: StoredEvent[]): Promise<void>;
}

/** A projector whose read model is kept in tables, so it can be rebuilt into fresh tables and swapped in. */
export interface TableProjector extends Projector {
  table: string;
  /** The read model's other tables, if it has several: rebuilt and swapped in together with `table`. */
  moreTables?: string[];
  /**
   * The same projector writing into other tables under another name (a rebuild's): `table`'s fresh name is
   * given, and each of `moreTables` gets the same suffix.
   */
  into(table: string, name: string): Projector;
}

/** Every table of a read model. */
export function tablesOf(projector: TableProjector): string[] {
  return [projector.table, ...(projector.moreTables ?? [])];
}

/** How often a failing event is tried before it is parked; the waits double from backoffMs. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, backoffMs: 100 };

/** Where an aggregate's held events queue: one key per stream. */
export function aggregateKey(event: { aggregateType: string; aggregateId: string }): string {
  return `${event.aggregateType}:${event.aggregateId}`;
}

/** The advisory locks of a projector: who leads it, whose batch runs, which rebuild runs (hashed to a bigint). */
export function lockName(kind: "leader" | "batch" | "rebuild", projector: string): string {
  return `chronoboard.projector.${kind}:${projector}`;
}
