import { describe, expect, it } from "vitest";
import {
  appendToStream,
  ConcurrencyError,
  EventIdConflictError,
  readStream,
} from "../../../server/eventstore";
import { metadata, newEvent, taskStream, testPool } from "../helpers/db";

const pool = testPool();

describe("appendToStream", () => {
  it("stores the full envelope with gap-free versions from 1", async () => {
    const stream = taskStream();
    const meta = metadata("alice");
    const result = await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent(), newEvent()], metadata: meta });
    expect(result.version).toBe(2);
    expect(result.idempotentReplay).toBe(false);
    const stored = await readStream(pool, stream);
    expect(stored.map((e) => e.version)).toEqual([1, 2]);
    expect(stored[1]!.position).toBeGreaterThan(stored[0]!.position);
    expect(stored[0]).toMatchObject({
      aggregateType: "task",
      aggregateId: stream.aggregateId,
      projectId: stream.projectId,
      eventType: "TaskRenamed",
      eventVersion: 1,
      payload: { title: "x" },
      metadata: meta,
    });
    expect(result.lastPosition).toBe(stored[1]!.position);
    // What the append returns (built from the input and what the database assigned) is what a read gives.
    expect(result.events).toEqual(stored);
    expect(result.events).toBe(result.events);
    expect({ ...result }.events).toEqual(stored);
    expect(result.timestamp).toEqual(stored[1]!.timestamp);
    expect(stored[0]!.timestamp).toEqual(stored[1]!.timestamp);
  });

  it("returns ids as the database spells them and payloads as stored, even from an upper-case id and a payload with undefined", async () => {
    const stream = { ...taskStream(), aggregateId: taskStream().aggregateId.toUpperCase() };
    const event = { ...newEvent(), eventId: newEvent().eventId.toUpperCase(), payload: { title: "y", dropped: undefined } };
    const result = await appendToStream(pool, { ...stream, expectedVersion: 0, events: [event], metadata: metadata() });
    const stored = await readStream(pool, stream);
    expect(result.events).toEqual(stored);
    expect(result.events[0]!.aggregateId).toBe(stream.aggregateId.toLowerCase());
    expect(result.events[0]!.eventId).toBe(event.eventId.toLowerCase());
    expect(Object.keys(result.events[0]!.payload as object)).toEqual(["title"]);
  });

  it("returns ids as the database spells them from every spelling it accepts", async () => {
    const spellings: ((id: string) => string)[] = [
      (id) => `{${id}}`,
      (id) => id.replaceAll("-", "").toUpperCase(),
      (id) => id.replaceAll("-", "").replace(/(.{4})/g, "$1-").slice(0, -1),
      (id) => `{${id.replaceAll("-", "")}}`.toUpperCase(),
    ];
    for (const spell of spellings) {
      const stream = taskStream();
      const spelt = { ...stream, aggregateId: spell(stream.aggregateId), projectId: spell(stream.projectId) };
      const spelled = () => ({ ...newEvent(), eventId: spell(newEvent().eventId) });
      // One event and several at a known version, then the checking path ('any').
      for (const [expectedVersion, events] of [[0, [spelled()]], [1, [spelled(), newEvent()]], ["any", [spelled()]]] as const) {
        const result = await appendToStream(pool, { ...spelt, expectedVersion, events: [...events], metadata: metadata() });
        expect(result.events).toEqual((await readStream(pool, stream)).slice(-events.length));
      }
    }
  });

  it("lets exactly one of 20 concurrent appends with the same expected version succeed", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        appendToStream(pool, { ...stream, expectedVersion: 1, events: [newEvent()], metadata: metadata() }),
      ),
    );
    const ok = attempts.filter((a) => a.status === "fulfilled");
    const failed = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(19);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(ConcurrencyError);
      expect((f.reason as ConcurrencyError).currentVersion).toBe(2);
      expect((f.reason as ConcurrencyError).expectedVersion).toBe(1);
    }
    expect((await readStream(pool, stream)).map((e) => e.version)).toEqual([1, 2]);
  });

  it("raises a ConcurrencyError carrying the current version when the expected version is stale", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent(), newEvent(), newEvent()], metadata: metadata() });
    const error = await appendToStream(pool, { ...stream, expectedVersion: 1, events: [newEvent()], metadata: metadata() }).catch((e) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error.currentVersion).toBe(3);
    expect(await readStream(pool, stream)).toHaveLength(3);
  });

  it("refuses an expected version ahead of the stream, leaving no gap", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    // No unique index refuses version 4 on a stream at 1: the insert must check that version 3 is stored.
    for (const events of [[newEvent()], [newEvent(), newEvent()]]) {
      const error = await appendToStream(pool, { ...stream, expectedVersion: 3, events, metadata: metadata() }).catch((e) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect(error).toMatchObject({ expectedVersion: 3, currentVersion: 1 });
    }
    expect((await readStream(pool, stream)).map((e) => e.version)).toEqual([1]);
  });

  it("answers concurrent attempts of one command with its one write: the others are replays, not conflicts", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    for (const events of [[newEvent()], [newEvent(), newEvent()]]) {
      const meta = metadata();
      const { version } = (await readStream(pool, stream)).at(-1)!;
      // Every attempt races for the same versions; the losers meet the winner's rows in the unique indexes.
      const results = await Promise.all(
        Array.from({ length: 8 }, () => appendToStream(pool, { ...stream, expectedVersion: version, events, metadata: meta })),
      );
      expect(results.filter((r) => !r.idempotentReplay)).toHaveLength(1);
      for (const r of results) {
        expect(r.version).toBe(version + events.length);
        expect(r.events.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      }
    }
    expect(await readStream(pool, stream)).toHaveLength(4);
  });

  it("inside a caller's transaction answers a stale version and a replay without aborting that transaction", async () => {
    const stream = taskStream();
    const events = [newEvent()];
    const meta = metadata();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events, metadata: meta });
    await appendToStream(pool, { ...stream, expectedVersion: 1, events: [newEvent()], metadata: metadata() });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const stale = await appendToStream(client, { ...stream, expectedVersion: 1, events: [newEvent()], metadata: metadata() }).catch((e) => e);
      expect(stale).toBeInstanceOf(ConcurrencyError);
      expect((await appendToStream(client, { ...stream, expectedVersion: 0, events, metadata: meta })).idempotentReplay).toBe(true);
      // Still usable: a unique violation would have aborted it ("current transaction is aborted").
      const written = await appendToStream(client, { ...stream, expectedVersion: 2, events: [newEvent()], metadata: metadata() });
      await client.query("COMMIT");
      expect(written.version).toBe(3);
    } finally {
      // After a failure, back to the pool with no transaction open (only a warning after the COMMIT).
      await client.query("ROLLBACK");
      client.release();
    }
    expect((await readStream(pool, stream)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it("treats a retried command (same event ids) as done: same result, nothing new written", async () => {
    const stream = taskStream();
    const events = [newEvent(), newEvent()];
    const meta = metadata();
    const first = await appendToStream(pool, { ...stream, expectedVersion: 0, events, metadata: meta });
    const retry = await appendToStream(pool, { ...stream, expectedVersion: 0, events, metadata: meta });
    expect(retry.idempotentReplay).toBe(true);
    expect(retry.version).toBe(first.version);
    expect(retry.lastPosition).toBe(first.lastPosition);
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    expect(await readStream(pool, stream)).toHaveLength(2);
  });

  it("refuses an event id reused for another stream", async () => {
    const a = taskStream();
    const b = taskStream();
    const event = newEvent();
    await appendToStream(pool, { ...a, expectedVersion: 0, events: [event], metadata: metadata() });
    const error = await appendToStream(pool, { ...b, expectedVersion: 0, events: [newEvent(), event], metadata: metadata() }).catch((e) => e);
    expect(error).toBeInstanceOf(EventIdConflictError);
    expect(await readStream(pool, b)).toHaveLength(0);
  });

  it("writes nothing when a multi-event command fails halfway", async () => {
    const stream = taskStream();
    const good = newEvent();
    // The third row breaks the event_version check after two rows were already inserted by the statement.
    const bad = { ...newEvent(), eventVersion: 0 };
    await expect(
      appendToStream(pool, { ...stream, expectedVersion: 0, events: [good, newEvent(), bad], metadata: metadata() }),
    ).rejects.toThrow(/check constraint/);
    // Two events sharing one id within the command fail on the second insert.
    const twin = newEvent();
    await expect(
      appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent(), twin, twin], metadata: metadata() }),
    ).rejects.toThrow();
    expect(await readStream(pool, stream)).toHaveLength(0);
  });

  it("with expectedVersion 'any' appends after whatever is there", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => appendToStream(pool, { ...stream, expectedVersion: "any", events: [newEvent()], metadata: metadata() })),
    );
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4, 5, 6]);
    expect((await readStream(pool, stream)).map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
