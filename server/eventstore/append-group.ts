import type pg from "pg";
import { statementName } from "../db";
import { canonicalUuid } from "./canonical-uuid";

/** What the database gave an inserted event; the rest of the envelope is the input's. */
export type Inserted = [position: string, transactionId: string, epochMs: string];

/** A one-event append on the pool at a known expected version, its payload and metadata already JSON. */
export interface OneEvent {
  aggregateType: string;
  aggregateId: string;
  projectId: string;
  eventId: string;
  eventType: string;
  eventVersion: number;
  payload: string;
  metadata: string;
  expected: number;
  /** Only for importing or seeding a past history; live commands take the database clock. */
  recordedAt: Date | null;
}

/** The row written, or null when a unique index or the gap check refused it (the caller finds out why). */
export type WriteOne = (pool: pg.Pool, append: OneEvent) => Promise<Inserted | null>;

/*
 * Concurrent one-event appends on one pool share a statement: one round trip and one commit for all of them
 * instead of one each (BENCHMARKS.md, "Where an append's time goes"). At most IN_FLIGHT statements run at once;
 * an append that finds one free goes at once, alone, so a lone command waits for nobody. Those that arrive while
 * all are busy go together in the next free one.
 * Each row is checked as an append alone is: the unique indexes refuse a taken version or a stored event id,
 * and the gap check is per row: a row it refuses is not inserted, and its append learns why from the caller's
 * settle (a statement does not see its own rows, so of two appends to one stream in one statement the second is
 * refused and tried again). When the shared statement fails (a version taken, a retried command, a payload
 * PostgreSQL refuses, a lost connection), each append is tried again alone and gets its own answer; one whose row
 * did commit after all (a connection lost after the commit) meets its own event id and is answered as a replay,
 * so nothing is written twice. A refusal is the exception (a conflict or a retry), so the others pay for it rarely.
 */
const IN_FLIGHT = 2;
const MAX_ROWS = 256;

const GROUP_SQL = `
INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata, "timestamp")
SELECT i.event_id, i.event_type, i.event_version, i.aggregate_type, i.aggregate_id, i.expected + 1, i.project_id, i.payload, i.metadata,
       coalesce(i.recorded_at, clock_timestamp())
FROM json_to_recordset($1::json) AS i(aggregate_type text, aggregate_id uuid, project_id uuid, event_id uuid, event_type text,
  event_version int, payload jsonb, metadata jsonb, expected int, recorded_at timestamptz)
-- OFFSET 0 keeps the check a probe of the stream's index per row: without it the planner may hash the subquery,
-- reading the whole table once per statement, and keep that plan on a connection while the table grows.
WHERE i.expected = 0 OR EXISTS (SELECT FROM events e WHERE e.aggregate_type = i.aggregate_type AND e.aggregate_id = i.aggregate_id AND e.version = i.expected OFFSET 0)
RETURNING event_id::text, position, transaction_id::text, floor(extract(epoch FROM "timestamp") * 1000)::int8`;

interface Waiting extends OneEvent {
  resolve: (row: Inserted | null) => void;
  reject: (error: unknown) => void;
}

class AppendGroup {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly alone: WriteOne,
  ) {}

  write(append: OneEvent): Promise<Inserted | null> {
    if (this.running < IN_FLIGHT && this.waiting.length === 0) return this.runAlone(append);
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...append, resolve, reject });
      if (this.running < IN_FLIGHT) void this.drain();
    });
  }

  private async runAlone(append: OneEvent): Promise<Inserted | null> {
    this.running++;
    try {
      return await this.alone(this.pool, append);
    } finally {
      this.running--;
      if (this.waiting.length > 0 && this.running < IN_FLIGHT) void this.drain();
    }
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.waiting.length > 0) await this.run(this.waiting.splice(0, MAX_ROWS));
    } finally {
      this.running--;
    }
  }

  private async run(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.answerAlone(group[0]!);
    let rows: [eventId: string, ...Inserted][];
    try {
      ({ rows } = await this.pool.query({
        name: statementName("chronoboard.append-group"),
        text: GROUP_SQL,
        values: [asJson(group)],
        rowMode: "array",
      }));
    } catch {
      await Promise.all(group.map((append) => this.answerAlone(append)));
      return;
    }
    const written = new Map(rows.map(([eventId, ...row]) => [eventId, row as Inserted]));
    for (const append of group) append.resolve(written.get(canonicalUuid(append.eventId)) ?? null);
  }

  /** Writes an append in a statement of its own and gives it the outcome. */
  private async answerAlone(append: Waiting): Promise<void> {
    try {
      append.resolve(await this.alone(this.pool, append));
    } catch (error) {
      append.reject(error);
    }
  }
}


/**
 * The group as one JSON array: payload and metadata are JSON already and go in as they are. An invalid
 * recordedAt throws here (JSON.stringify would make it null, the clock's time), so that append fails alone.
 */
function asJson(group: OneEvent[]): string {
  const rows = group.map(
    (a) =>
      `{"aggregate_type":${JSON.stringify(a.aggregateType)},"aggregate_id":${JSON.stringify(a.aggregateId)},"project_id":${JSON.stringify(a.projectId)},` +
      `"event_id":${JSON.stringify(a.eventId)},"event_type":${JSON.stringify(a.eventType)},"event_version":${JSON.stringify(a.eventVersion)},` +
      `"payload":${a.payload},"metadata":${a.metadata},"expected":${JSON.stringify(a.expected)},"recorded_at":${a.recordedAt ? JSON.stringify(a.recordedAt.toISOString()) : "null"}}`,
  );
  return `[${rows.join(",")}]`;
}

const groups = new WeakMap<pg.Pool, AppendGroup>();

/**
 * Writes a one-event append, sharing a statement with those on the same pool that wait for one; `alone`
 * writes one in a statement of its own (the same function on every call: the pool's group keeps the first).
 */
export function writeGrouped(pool: pg.Pool, append: OneEvent, alone: WriteOne): Promise<Inserted | null> {
  let group = groups.get(pool);
  if (!group) groups.set(pool, (group = new AppendGroup(pool, alone)));
  return group.write(append);
}
