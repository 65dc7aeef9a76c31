import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type TaskCommand, taskDecider, type TaskEvent } from "../../../server/domain";
import {
  type AggregateTarget,
  appendToStream,
  backgroundWorkDone,
  handleCommand,
  loadAggregate,
  snapshotAggregate,
  snapshotPolicy,
  toDomainEvent,
} from "../../../server/eventstore";
import { metadata, testPool } from "../helpers/db";
import { forgetProcessState } from "../helpers/process-state";

const pool = testPool();
const defaultEvery = snapshotPolicy.aggregateEvery;
afterEach(async () => {
  snapshotPolicy.aggregateEvery = defaultEvery;
  await backgroundWorkDone();
});

const projectId = randomUUID();
const columnId = randomUUID();
const board = { columns: [{ id: columnId, name: "To do", wipLimit: null, taskCount: 0 }], memberIds: ["user-1"] };

const minute = (n: number) => new Date(Date.UTC(2030, 0, 1, 9, n));

/**
 * A task stream with `renames` renames after its creation, one a minute from 09:00, written straight to
 * the store (so no state of it is in the process cache).
 */
async function taskWithRenames(renames: number) {
  const stream = { aggregateType: "task", aggregateId: randomUUID() };
  const created = { projectId, columnId, rank: "a0", title: "Title 0", description: "", priority: "none", assigneeId: null, labels: [], dueDate: null };
  const events = [
    { eventId: randomUUID(), eventType: "TaskCreated", eventVersion: 2, payload: created },
    ...Array.from({ length: renames }, (_, i) => ({ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload: { title: `Title ${i + 1}` } })),
  ];
  for (const [i, event] of events.entries()) {
    await appendToStream(pool, { ...stream, projectId, expectedVersion: i, events: [event], metadata: metadata(), recordedAt: minute(i) });
  }
  return stream;
}

async function snapshotRows(aggregateId: string) {
  const { rows } = await pool.query<{ version: number; state_schema_version: number }>(
    `SELECT version, state_schema_version FROM snapshots WHERE aggregate_id = $1 ORDER BY version`,
    [aggregateId],
  );
  return rows;
}

async function plantSnapshot(aggregateId: string, version: number, stateSchemaVersion: number, state: unknown) {
  await pool.query(`INSERT INTO snapshots (aggregate_type, aggregate_id, version, state_schema_version, state) VALUES ('task', $1, $2, $3, $4)`, [
    aggregateId,
    version,
    stateSchemaVersion,
    JSON.stringify(state),
  ]);
}

const run = (aggregateId: string, command: TaskCommand, commandId = randomUUID()) =>
  handleCommand(pool, {
    stream: { aggregateType: "task", aggregateId },
    projectId,
    decider: taskDecider,
    command,
    context: { userId: "user-1", correlationId: randomUUID(), commandId },
  });

describe("aggregate snapshots", () => {
  it("loads from the newest snapshot at or before the target and replays only the events after it", async () => {
    const stream = await taskWithRenames(9);
    await snapshotAggregate(pool, stream, taskDecider);
    expect(await snapshotRows(stream.aggregateId)).toEqual([{ version: 10, state_schema_version: taskDecider.stateSchemaVersion }]);
    // A planted snapshot with a telling title shows which one a load starts from.
    const atFour = (await loadAggregate(pool, stream, taskDecider, { toVersion: 4 })).state;
    await plantSnapshot(stream.aggregateId, 4, taskDecider.stateSchemaVersion, { ...atFour, title: "from the snapshot at 4" });

    const atSix = await loadAggregate(pool, stream, taskDecider, { toVersion: 6 });
    expect(atSix).toMatchObject({ version: 6, snapshotVersion: 4, state: { title: "Title 5" } });
    expect(atSix.tail.map((e) => e.version)).toEqual([5, 6]);
    const atFourAgain = await loadAggregate(pool, stream, taskDecider, { toVersion: 4 });
    expect(atFourAgain).toMatchObject({ version: 4, state: { title: "from the snapshot at 4" }, tail: [] });

    // Version 5 was stored at 09:04; an instant is inclusive.
    const untilFifth = await loadAggregate(pool, stream, taskDecider, { until: minute(4) });
    expect(untilFifth).toMatchObject({ version: 5, snapshotVersion: 4, state: { title: "Title 4" } });
    const beforeFifth = await loadAggregate(pool, stream, taskDecider, { until: new Date(minute(4).getTime() - 1) });
    expect(beforeFifth).toMatchObject({ version: 4, state: { title: "from the snapshot at 4" } });
  });

  it("never reads a snapshot of another state schema version, and replaces it", async () => {
    snapshotPolicy.aggregateEvery = 5;
    const stream = await taskWithRenames(7);
    await plantSnapshot(stream.aggregateId, 6, 0, { shape: "from an older release" });
    await plantSnapshot(stream.aggregateId, 3, 0, { shape: "from an older release" });

    const loaded = await loadAggregate(pool, stream, taskDecider);
    expect(loaded).toMatchObject({ version: 8, state: { exists: true, title: "Title 7" } });
    expect(loaded.tail).toHaveLength(8); // from the start: neither old snapshot was read
    await backgroundWorkDone();
    expect(await snapshotRows(stream.aggregateId)).toEqual([{ version: 8, state_schema_version: taskDecider.stateSchemaVersion }]);
  });

  it("takes a snapshot after the append that completes every N events, not before", async () => {
    snapshotPolicy.aggregateEvery = 3;
    const taskId = randomUUID();
    await run(taskId, { type: "CreateTask", taskId, projectId, columnId, rank: "a0", title: "Start", board });
    await run(taskId, { type: "RenameTask", taskId, title: "One" });
    await backgroundWorkDone();
    expect(await snapshotRows(taskId)).toEqual([]);
    await run(taskId, { type: "RenameTask", taskId, title: "Two" });
    await run(taskId, { type: "RenameTask", taskId, title: "Three" });
    await backgroundWorkDone();
    expect(await snapshotRows(taskId)).toEqual([{ version: 3, state_schema_version: taskDecider.stateSchemaVersion }]);
    const { rows } = await pool.query(`SELECT state FROM snapshots WHERE aggregate_id = $1`, [taskId]);
    expect(rows[0].state).toMatchObject({ title: "Two", exists: true });
  });

  it("takes one snapshot when the load before an append is already due, not a second one after it", async () => {
    snapshotPolicy.aggregateEvery = 3;
    const stream = await taskWithRenames(3);
    await run(stream.aggregateId, { type: "RenameTask", taskId: stream.aggregateId, title: "Fifth" });
    await backgroundWorkDone();
    expect(await snapshotRows(stream.aggregateId)).toEqual([{ version: 4, state_schema_version: taskDecider.stateSchemaVersion }]);
  });

  it("still recognises a retried command whose events lie before the snapshot a load starts from", async () => {
    snapshotPolicy.aggregateEvery = 1;
    const taskId = randomUUID();
    const createId = randomUUID();
    const create: TaskCommand = { type: "CreateTask", taskId, projectId, columnId, rank: "a0", title: "Once", board };
    const first = await run(taskId, create, createId);
    await run(taskId, { type: "RenameTask", taskId, title: "Twice" });
    await backgroundWorkDone();
    expect((await snapshotRows(taskId)).at(-1)?.version).toBe(2);

    const retry = await run(taskId, create, createId);
    expect(retry).toMatchObject({ idempotentReplay: true, version: 1, lastPosition: first.lastPosition });
  });

  it("reads a stream the process has not cached in one statement: the newest snapshot and the events after it", async () => {
    const stream = await taskWithRenames(9);
    const events = (await loadAggregate(pool, stream, taskDecider, { toVersion: 10 })).tail.map((e) => toDomainEvent<TaskEvent>(e));
    const stateAt = (version: number) => events.slice(0, version).reduce(taskDecider.evolve, taskDecider.initialState());
    await plantSnapshot(stream.aggregateId, 4, taskDecider.stateSchemaVersion, stateAt(4));
    const client = await pool.connect();
    try {
      const statements = vi.spyOn(client, "query");
      // The event at version v was stored at minute(v - 1).
      const targets: [AggregateTarget, number][] = [[{}, 10], [{ toVersion: 7 }, 7], [{ until: minute(2) }, 3], [{ toVersion: 3 }, 3]];
      for (const [target, version] of targets) {
        forgetProcessState();
        statements.mockClear();
        const loaded = await loadAggregate(client, stream, taskDecider, target);
        expect(statements).toHaveBeenCalledTimes(1);
        expect(loaded).toMatchObject({ version, state: stateAt(version), timestamp: minute(version - 1), snapshotVersion: version >= 4 ? 4 : 0 });
        expect(loaded.tail.map((e) => e.version)).toEqual(version >= 4 ? range(5, version) : range(1, version));
      }
    } finally {
      client.release();
    }
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
