import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import type { EventMetadata, NewEvent } from "../../../server/eventstore";

/**
 * A pool on the real test database as its owner (DATABASE_OWNER_URL, set by scripts/with-db.ts), closed
 * after the file: fixtures create tables and tamper behind the triggers, which the app's role may not.
 * The app's code under test connects as the app's role (DATABASE_URL, server/db/pool.ts).
 */
export function testPool(max = 25): pg.Pool {
  const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("integration tests need DATABASE_URL (run them through npm test)");
  const pool = new pg.Pool({ connectionString: url, max });
  afterAll(() => pool.end());
  return pool;
}

export function newEvent(eventType = "TaskRenamed", payload: unknown = { title: "x" }): NewEvent {
  return { eventId: randomUUID(), eventType, eventVersion: 1, payload };
}

export function metadata(userId = "user-1"): EventMetadata {
  return { userId, correlationId: randomUUID(), causationId: randomUUID() };
}

export function taskStream() {
  return { aggregateType: "task", aggregateId: randomUUID(), projectId: randomUUID() };
}
