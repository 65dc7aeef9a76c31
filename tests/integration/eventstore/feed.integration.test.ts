import { describe, expect, it } from "vitest";
import { appendToStream, checkpointOf, FEED_START, type FeedCheckpoint, readFeed, type StoredEvent } from "../../../server/eventstore";
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

  it("ends every batch after a whole command, whatever the limit", async () => {
    // Two transactions of commands of 3, 1, 4 and of 2, 5 events, each command on a stream of its own.
    const commands: StoredEvent[][] = [];
    for (const sizes of [[3, 1, 4], [2, 5]]) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const n of sizes) {
          const events = Array.from({ length: n }, () => newEvent());
          commands.push((await appendToStream(client, { ...taskStream(), expectedVersion: 0, events, metadata: metadata() })).events);
        }
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    }
    const commandOf = new Map(commands.flatMap((events, i) => events.map((e) => [e.eventId, i])));
    const first = commands[0]![0]!;
    for (let limit = 1; limit <= 6; limit++) {
      let checkpoint: FeedCheckpoint = { transactionId: first.transactionId, position: first.position - 1 };
      const seen: string[] = [];
      for (let i = 0; i < 100 && seen.length < commandOf.size; i++) {
        const batch = await readFeed(pool, checkpoint, limit);
        if (batch.length === 0) break;
        const last = batch.at(-1)!;
        const command = commandOf.get(last.eventId);
        // Tests running alongside may write transactions in between: only our commands are checked.
        if (command !== undefined) expect(last.eventId, `limit ${limit}`).toBe(commands[command]!.at(-1)!.eventId);
        seen.push(...batch.filter((e) => commandOf.has(e.eventId)).map((e) => e.eventId));
        checkpoint = checkpointOf(last);
      }
      expect(seen).toEqual(commands.flat().map((e) => e.eventId));
    }
  });

  it("orders by transaction id as a number, also where transaction ids gain a digit", async (context) => {
    // Text order would put 100000 before 99999; the only way to test it is to cross such a boundary.
    const { rows } = await pool.query<{ x: string }>("SELECT pg_current_xact_id()::text AS x");
    const boundary = 10n ** BigInt(rows[0]!.x.length);
    const gap = boundary - BigInt(rows[0]!.x);
    if (gap > 3_000_000n) context.skip(`the cluster's next transaction-id digit is ${gap} transactions away`);
    // A margin, as tests running alongside take transaction ids too.
    await burnTransactionIds(gap - 300n);

    const appended = [];
    while (appended.length < 1000 && BigInt(appended.at(-1)?.transactionId ?? 0) < boundary + 3n) {
      const { events } = await appendToStream(pool, { ...taskStream(), expectedVersion: 0, events: [newEvent()], metadata: metadata() });
      appended.push(events[0]!);
    }
    expect(BigInt(appended[0]!.transactionId)).toBeLessThan(boundary);
    expect(BigInt(appended.at(-1)!.transactionId)).toBeGreaterThanOrEqual(boundary);

    // One event per read, so a wrong order would move the checkpoint past events not yet read.
    let checkpoint: FeedCheckpoint = { transactionId: String(BigInt(appended[0]!.transactionId) - 1n), position: 0 };
    const seen: string[] = [];
    for (let i = 0; i < 5000 && seen.length < appended.length; i++) {
      const [event] = await readFeed(pool, checkpoint, 1);
      if (!event) break;
      if (appended.some((e) => e.eventId === event.eventId)) seen.push(event.eventId);
      checkpoint = checkpointOf(event);
    }
    expect(seen).toEqual(appended.map((e) => e.eventId));
  });
});

/** Uses up transaction ids fast: every subtransaction that writes takes one from the same counter. */
async function burnTransactionIds(count: bigint) {
  if (count <= 0n) return;
  const client = await pool.connect();
  try {
    await client.query("CREATE TEMP TABLE IF NOT EXISTS xid_burn (n int)");
    await client.query(
      `DO $$ BEGIN FOR i IN 1..${count} LOOP BEGIN INSERT INTO xid_burn VALUES (i); EXCEPTION WHEN others THEN NULL; END; END LOOP; END $$`,
    );
  } finally {
    client.release();
  }
}
