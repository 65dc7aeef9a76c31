import { describe, expect, it } from "vitest";
import { appendToStream, readStream } from "../../../server/eventstore";
import { metadata, newEvent, taskStream, testPool } from "../helpers/db";

const pool = testPool();

describe("the events table is append-only in the database itself", () => {
  it("rejects UPDATE, DELETE and TRUNCATE", async () => {
    const stream = taskStream();
    await appendToStream(pool, { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    await expect(pool.query(`UPDATE events SET payload = '{}' WHERE aggregate_id = $1`, [stream.aggregateId])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(pool.query(`DELETE FROM events WHERE aggregate_id = $1`, [stream.aggregateId])).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(pool.query(`TRUNCATE events`)).rejects.toThrow(/append-only: TRUNCATE/);
    const [event] = await readStream(pool, stream);
    expect(event!.payload).toEqual({ title: "x" });
  });
});
