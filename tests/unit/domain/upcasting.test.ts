import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentEventVersion, evolveTask, initialTaskState, rankBetween, type TaskEvent, upcast } from "../../../server/domain";
import { integerRank } from "../../../server/domain/events/upcasting/task-moved-v1";

const projectId = "00000000-0000-4000-8000-000000000001";
const todo = "00000000-0000-4000-8000-0000000000c1";
const doing = "00000000-0000-4000-8000-0000000000c2";
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute));

const createdV1 = { projectId, columnId: todo, rank: "a0", title: "Write the spec", description: "", assigneeId: null, labels: ["docs"], dueDate: null };
const movedV1 = { fromColumnId: todo, toColumnId: doing, wipLimitOverridden: false };

describe("upcasting stored events to today's versions", () => {
  it("writes TaskCreated and TaskMoved as v2 now", () => {
    expect(currentEventVersion.TaskCreated).toBe(2);
    expect(currentEventVersion.TaskMoved).toBe(2);
  });

  it("gives a v1 TaskCreated the priority it meant, none, and leaves the stored payload alone", () => {
    const stored = { eventType: "TaskCreated", eventVersion: 1, payload: structuredClone(createdV1), timestamp: at(0) };
    expect(upcast(stored)).toEqual({ type: "TaskCreated", data: { ...createdV1, priority: "none" } });
    expect(stored.payload).toEqual(createdV1);
  });

  it("gives a v1 TaskMoved a rank from the move's time, so moved tasks sit at the bottom in the order moved", () => {
    const first = upcast({ eventType: "TaskMoved", eventVersion: 1, payload: movedV1, timestamp: at(1) });
    const second = upcast({ eventType: "TaskMoved", eventVersion: 1, payload: movedV1, timestamp: at(2) });
    expect(first).toEqual({ type: "TaskMoved", data: { ...movedV1, rank: integerRank(at(1).getTime()) } });
    const rank = (event: typeof first) => (event.data as { rank: string }).rank;
    expect(rank(upcast({ eventType: "TaskMoved", eventVersion: 1, payload: movedV1, timestamp: at(1) }))).toBe(rank(first));
    expect(["a0", "a1", "b10", "fzzzzz"].every((created) => created < rank(first))).toBe(true);
    expect(rank(first) < rank(second)).toBe(true);
    // Later moves can still place tasks around them.
    expect(rankBetween(rank(first), rank(second)) > rank(first)).toBe(true);
    expect(rankBetween(rank(second), null) > rank(second)).toBe(true);
  });

  it("passes events of the current version through untouched", () => {
    const payload = { ...movedV1, rank: "a5" };
    expect(upcast({ eventType: "TaskMoved", eventVersion: 2, payload, timestamp: at(0) })).toEqual({ type: "TaskMoved", data: payload });
    expect(upcast({ eventType: "TaskRenamed", eventVersion: 1, payload: { title: "x" }, timestamp: at(0) })).toEqual({
      type: "TaskRenamed",
      data: { title: "x" },
    });
  });

  it("refuses to guess: a payload that does not fit its old schema, a version newer than the code, an unknown type", () => {
    expect(() => upcast({ eventType: "TaskCreated", eventVersion: 1, payload: { ...createdV1, priority: "high" }, timestamp: at(0) })).toThrow();
    expect(() => upcast({ eventType: "TaskMoved", eventVersion: 1, payload: { toColumnId: doing }, timestamp: at(0) })).toThrow();
    expect(() => upcast({ eventType: "TaskMoved", eventVersion: 3, payload: movedV1, timestamp: at(0) })).toThrow(/newer than this code/);
    expect(() => upcast({ eventType: "TaskTeleported", eventVersion: 1, payload: {}, timestamp: at(0) })).toThrow(/Unknown event type/);
  });

  it("folds a stream that mixes versions like one written today", () => {
    const stored = [
      { eventType: "TaskCreated", eventVersion: 1, payload: createdV1, timestamp: at(0) },
      { eventType: "TaskPriorityChanged", eventVersion: 1, payload: { priority: "high" }, timestamp: at(1) },
      { eventType: "TaskMoved", eventVersion: 1, payload: movedV1, timestamp: at(2) },
      { eventType: "TaskMoved", eventVersion: 2, payload: { fromColumnId: doing, toColumnId: todo, rank: "a1", wipLimitOverridden: false }, timestamp: at(3) },
    ];
    const states = stored.map((_, i) => stored.slice(0, i + 1).reduce((s, e) => evolveTask(s, upcast(e) as TaskEvent), initialTaskState()));
    expect(states[0]).toMatchObject({ exists: true, priority: "none", columnId: todo, rank: "a0" });
    expect(states[2]).toMatchObject({ priority: "high", columnId: doing, rank: integerRank(at(2).getTime()) });
    expect(states[3]).toMatchObject({ columnId: todo, rank: "a1" });
  });
});

describe("integerRank", () => {
  it("makes valid fractional-indexing keys in the order of the numbers", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.maxSafeNat(), (a, b) => {
        fc.pre(a < b);
        expect(integerRank(a) < integerRank(b)).toBe(true);
        expect(rankBetween(integerRank(a), integerRank(b)) > integerRank(a)).toBe(true);
      }),
    );
    expect(integerRank(0)).toBe("a0");
  });
});
