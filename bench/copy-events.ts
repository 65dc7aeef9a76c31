/**
 * Loads events into the store with PostgreSQL COPY (pg-copy-streams): one statement, one transaction,
 * tens of thousands of rows per second, where appending command by command manages a few thousand. The
 * rows are the ones the app writes (see task-events.ts); position and transaction_id take their defaults.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export interface EventRowInput {
  eventType: string;
  eventVersion: number;
  aggregateType: "project" | "task";
  aggregateId: string;
  version: number;
  projectId: string;
  timestamp: Date;
  payload: unknown;
  userId: string;
}

const COPY_SQL = `COPY events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, "timestamp", payload, metadata) FROM STDIN`;

// COPY's text format: backslash, tab and line breaks inside a value are written as escapes.
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const text = (value: string) => value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);

function line(e: EventRowInput): string {
  // One command per event: its own correlation and causation ids, as a user's single edits have.
  const metadata = { userId: e.userId, correlationId: randomUUID(), causationId: randomUUID() };
  return [
    randomUUID(), e.eventType, e.eventVersion, e.aggregateType, e.aggregateId, e.version, e.projectId,
    e.timestamp.toISOString(), text(JSON.stringify(e.payload)), text(JSON.stringify(metadata)),
  ].join("\t");
}

/** Writes text-format lines in chunks of 1,000 (fewer, larger writes), in one COPY. */
export async function copyLines(pool: pg.Pool, sql: string, lines: Iterable<string>): Promise<void> {
  function* chunks() {
    let chunk: string[] = [];
    for (const l of lines) {
      chunk.push(l);
      if (chunk.length === 1000) {
        yield chunk.join("\n") + "\n";
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk.join("\n") + "\n";
  }
  const client = await pool.connect();
  try {
    await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
  } finally {
    client.release();
  }
}

/** Loads the rows in one COPY. Returns the row count. */
export async function copyEvents(pool: pg.Pool, rows: Iterable<EventRowInput>): Promise<number> {
  let count = 0;
  function* lines() {
    for (const row of rows) {
      count++;
      yield line(row);
    }
  }
  await copyLines(pool, COPY_SQL, lines());
  return count;
}
