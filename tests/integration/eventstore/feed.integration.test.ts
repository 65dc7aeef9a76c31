import { describe, expect, it } from "vitest";
import { appendToStream, checkpointOf, FEED_START, type FeedCheckpoint, readFeed } from "../../../server/eventstore";
import { metadata, newEvent, taskStream, testPool } from "../helpers/db";

const pool = testPool();

async function readAll(from: FeedCheckpoint) {
  let checkpoint = from;
  const seen = [];
  for (;;) {
    const batch = await readFeed(pool, checkpoint, 100);
    if (batch.length === 0) return { seen, checkpoint };
    seen.push(...batch);
    checkpoint = checkpointOf(batch[batch.length - 1]!);
  }
}

describe("readFeed", () => {
  it("does not skip an event whose transaction took a lower position but commits later", async () => {
    const { checkpoint: start } = await readAll(FEED_START);
    const slow = await pool.connect();
    try {
      await slow.query("BEGIN");
      const first = taskStream();
      const held = await appendToStream(slow, { ...first, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
      const second = taskStream();
      const quick = await appendToStream(pool, { ...second, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
      expect(quick.lastPosition).toBeGreaterThan(held.lastPosition);

      // The quick event is committed, but a reader must not pass it while the held one may still commit.
      const before = await readAll(start);
      expect(before.seen.map((e) => e.eventId)).not.toContain(quick.events[0]!.eventId);
      expect(before.seen.map((e) => e.eventId)).not.toContain(held.events[0]!.eventId);

      await slow.query("COMMIT");
      const after = await readAll(before.checkpoint);
      const ids = after.seen.map((e) => e.eventId);
      expect(ids).toContain(held.events[0]!.eventId);
      expect(ids).toContain(quick.events[0]!.eventId);
      expect(ids.indexOf(held.events[0]!.eventId)).toBeLessThan(ids.indexOf(quick.events[0]!.eventId));
    } finally {
      slow.release();
    }
  });

  it("delivers every event of many concurrent writers exactly once", async () => {
    const { checkpoint: start } = await readAll(FEED_START);
    const written = await Promise.all(
      Array.from({ length: 40 }, () =>
        appendToStream(pool, { ...taskStream(), expectedVersion: 0, events: [newEvent(), newEvent()], metadata: metadata() }),
      ),
    );
    const { seen } = await readAll(start);
    const ids = seen.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of written) for (const e of w.events) expect(ids).toContain(e.eventId);
  });

  it("never reveals an event of a transaction that rolls back", async () => {
    const { checkpoint: start } = await readAll(FEED_START);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const doomed = await appendToStream(client, { ...taskStream(), expectedVersion: 0, events: [newEvent()], metadata: metadata() });
      await client.query("ROLLBACK");
      const { seen } = await readAll(start);
      expect(seen.map((e) => e.eventId)).not.toContain(doomed.events[0]!.eventId);
    } finally {
      client.release();
    }
  });
});
