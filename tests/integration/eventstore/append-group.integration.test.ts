import { describe, expect, it } from "vitest";
import { type AppendInput, appendToStream, ConcurrencyError, readStream, type StoredEvent } from "../../../server/eventstore";
import { metadata, newEvent, taskStream, testPool } from "../helpers/db";

const pool = testPool();

/** A one-event append to a new stream. */
const firstOf = (stream = taskStream()): AppendInput => ({ ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });

/*
 * One-event appends sent together on one pool: the first go alone, the rest wait and then share a statement
 * (server/eventstore/append-group.ts). Each must get the answer it would get alone.
 */
describe("one-event appends sent together", () => {
  it("share transactions, and each answer is what a read gives back", async () => {
    const inputs = Array.from({ length: 40 }, () => firstOf());
    const results = await Promise.all(inputs.map((input) => appendToStream(pool, input)));
    const stored = await Promise.all(inputs.map(async (input) => (await readStream(pool, input))[0]!));
    for (const [i, result] of results.entries()) {
      const event = stored[i]!;
      expect(event.eventId).toBe(inputs[i]!.events[0]!.eventId);
      expect(result).toMatchObject({ version: 1, lastPosition: event.position, timestamp: event.timestamp, idempotentReplay: false });
      expect(result.events).toEqual([event]);
    }
    // Fewer transactions than appends: some shared one (one commit, one round trip).
    expect(new Set(stored.map((e: StoredEvent) => e.transactionId)).size).toBeLessThan(inputs.length);
  });

  it("answer each append on its own when one of them is refused: a stale version, a gap, a replay, a reused id", async () => {
    const stale = taskStream();
    const ahead = taskStream();
    const replayed = taskStream();
    const reusedBy = taskStream();
    const first = firstOf(replayed);
    await Promise.all([stale, ahead].map((stream) => appendToStream(pool, firstOf(stream))));
    await appendToStream(pool, first);
    const others = Array.from({ length: 10 }, () => firstOf());
    const outcomes = await Promise.allSettled([
      ...others.slice(0, 5).map((input) => appendToStream(pool, input)),
      appendToStream(pool, { ...stale, expectedVersion: 0, events: [newEvent()], metadata: metadata() }),
      appendToStream(pool, { ...ahead, expectedVersion: 5, events: [newEvent()], metadata: metadata() }),
      appendToStream(pool, first),
      appendToStream(pool, { ...reusedBy, expectedVersion: 0, events: first.events, metadata: metadata() }),
      ...others.slice(5).map((input) => appendToStream(pool, input)),
    ]);
    const [staleOutcome, aheadOutcome, replayOutcome, reusedOutcome] = outcomes.slice(5, 9);
    expect(staleOutcome).toMatchObject({ status: "rejected", reason: expect.any(ConcurrencyError) });
    expect(aheadOutcome).toMatchObject({ status: "rejected", reason: { expectedVersion: 5, currentVersion: 1 } });
    expect(aheadOutcome).toMatchObject({ reason: expect.any(ConcurrencyError) });
    expect(replayOutcome).toMatchObject({ status: "fulfilled", value: { idempotentReplay: true, version: 1 } });
    expect(reusedOutcome).toMatchObject({ status: "rejected", reason: { name: expect.stringMatching(/^(EventIdConflictError|CommandIdReusedError)$/) } });
    for (const outcome of [...outcomes.slice(0, 5), ...outcomes.slice(9)]) {
      expect(outcome).toMatchObject({ status: "fulfilled", value: { version: 1, idempotentReplay: false } });
    }
    for (const stream of [stale, ahead, replayed]) expect(await readStream(pool, stream)).toHaveLength(1);
    expect(await readStream(pool, reusedBy)).toHaveLength(0);
    for (const input of others) expect(await readStream(pool, input)).toHaveLength(1);
  });

  it("write the others when PostgreSQL refuses one payload", async () => {
    const inputs = Array.from({ length: 12 }, () => firstOf());
    // jsonb cannot hold the character U+0000: PostgreSQL refuses this payload, not a check of ours.
    const refused: AppendInput = { ...firstOf(), events: [newEvent("TaskRenamed", { title: "nul \u0000 here" })] };
    const outcomes = await Promise.allSettled([...inputs.slice(0, 6), refused, ...inputs.slice(6)].map((input) => appendToStream(pool, input)));
    expect(outcomes[6]).toMatchObject({ status: "rejected", reason: { code: "22P05" } });
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(inputs.length);
    for (const input of inputs) expect(await readStream(pool, input)).toHaveLength(1);
    expect(await readStream(pool, refused)).toHaveLength(0);
  });

  it("append to one stream one after another when sent before the previous answer", async () => {
    const stream = taskStream();
    // Two others take the statements that go at once; the stream's three appends then wait together.
    const outcomes = await Promise.allSettled([
      appendToStream(pool, firstOf()),
      appendToStream(pool, firstOf()),
      ...[0, 1, 2].map((expectedVersion) => appendToStream(pool, { ...stream, expectedVersion, events: [newEvent()], metadata: metadata() })),
    ]);
    // Sharing a statement with version 1, version 2 is refused (not yet committed), then written once it is. Version 3
    // may meet version 2 not yet committed (sent before its answer): a stale version then, never a reused id.
    expect(outcomes.slice(0, 4).map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const last = outcomes[4]!;
    if (last.status === "rejected") expect(last.reason).toBeInstanceOf(ConcurrencyError);
    const written = last.status === "fulfilled" ? [1, 2, 3] : [1, 2];
    expect((await readStream(pool, stream)).map((e) => e.version)).toEqual(written);
  });

  it("keep a command's instant when it names one (a seeded past), and refuse an invalid one", async () => {
    const recordedAt = new Date("2020-02-29T12:34:56.789Z");
    const inputs = Array.from({ length: 6 }, () => ({ ...firstOf(), recordedAt }));
    // An invalid instant is refused, as alone, not taken for "none" (the clock's time).
    const invalid = { ...firstOf(), recordedAt: new Date(Number.NaN) };
    const outcomes = await Promise.allSettled([...inputs.slice(0, 3), invalid, ...inputs.slice(3)].map((input) => appendToStream(pool, input)));
    expect(outcomes[3]!.status).toBe("rejected");
    expect(await readStream(pool, invalid)).toHaveLength(0);
    for (const input of inputs) expect((await readStream(pool, input))[0]!.timestamp).toEqual(recordedAt);
  });

  it("refuse an event id twice in one statement without writing either twice", async () => {
    const event = newEvent();
    const [a, b] = [taskStream(), taskStream()];
    const outcomes = await Promise.allSettled([
      appendToStream(pool, firstOf()),
      appendToStream(pool, firstOf()),
      appendToStream(pool, { ...a, expectedVersion: 0, events: [event], metadata: metadata() }),
      appendToStream(pool, { ...b, expectedVersion: 0, events: [event], metadata: metadata() }),
    ]);
    expect(outcomes.slice(2).filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.slice(2).find((o) => o.status === "rejected")).toMatchObject({
      reason: { name: expect.stringMatching(/^(EventIdConflictError|CommandIdReusedError)$/) },
    });
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM events WHERE event_id = $1", [event.eventId]);
    expect(rows[0].n).toBe(1);
  });
});
