import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appendToStream, readByCorrelation, readByType, readProject, readStream } from "../../../server/eventstore";
import { metadata, newEvent, testPool } from "../helpers/db";

const pool = testPool();

describe("reading the log", () => {
  it("reads a stream from a version, a project in order, by type and time, and by correlation id", async () => {
    const projectId = randomUUID();
    const a = { aggregateType: "task", aggregateId: randomUUID(), projectId };
    const b = { aggregateType: "task", aggregateId: randomUUID(), projectId };
    const meta = metadata();
    const type = `Probe${randomUUID().slice(0, 8)}`;
    await appendToStream(pool, { ...a, expectedVersion: 0, events: [newEvent(type), newEvent()], metadata: meta, recordedAt: new Date("2026-01-01T10:00:00Z") });
    await appendToStream(pool, { ...b, expectedVersion: 0, events: [newEvent(type)], metadata: metadata(), recordedAt: new Date("2026-01-02T10:00:00Z") });
    await appendToStream(pool, { ...a, expectedVersion: 2, events: [newEvent()], metadata: meta, recordedAt: new Date("2026-01-03T10:00:00Z") });

    expect((await readStream(pool, a, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
    expect((await readStream(pool, a, { until: new Date("2026-01-02T00:00:00Z") })).map((e) => e.version)).toEqual([1, 2]);

    const project = await readProject(pool, projectId);
    expect(project.map((e) => [e.aggregateId, e.version])).toEqual([[a.aggregateId, 1], [a.aggregateId, 2], [b.aggregateId, 1], [a.aggregateId, 3]]);
    expect(await readProject(pool, projectId, { until: new Date("2026-01-02T10:00:00Z") })).toHaveLength(3);
    expect(await readProject(pool, projectId, { afterPosition: project[2]!.position })).toHaveLength(1);

    const byType = await readByType(pool, type);
    expect(byType.map((e) => e.aggregateId)).toEqual([b.aggregateId, a.aggregateId]);
    expect(await readByType(pool, type, { from: new Date("2026-01-02T00:00:00Z") })).toHaveLength(1);

    const correlated = await readByCorrelation(pool, meta.correlationId);
    expect(correlated.map((e) => e.version)).toEqual([1, 2, 3]);
  });
});
