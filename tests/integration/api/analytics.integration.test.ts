import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getPool } from "../../../server/db";
import { appendToStream } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// A Monday, 00:00 UTC, well in the past: week n of the range starts at BASE + n weeks.
const BASE = Date.UTC(2026, 0, 5);
const at = (ms: number) => new Date(BASE + ms);

type Plan = { id: string; created: number; started: number; archived?: number; done?: number; reopened?: number; completed?: number };

/**
 * A generated history of `count` tasks through To do → Doing → Done, written straight to the log with past
 * timestamps: every 7th task is archived while in Doing, every 13th never finishes, every 10th (from the
 * 2nd) is reopened an hour after it was done and done again a day later. Some events are stored in their
 * v1 form (TaskCreated without priority, TaskMoved without rank), so reading them needs the upcasters.
 */
async function generatedHistory(ownerId: string, count: number) {
  const db = getPool();
  const projectId = randomUUID();
  const [todo, doing, done] = [randomUUID(), randomUUID(), randomUUID()];
  const metadata = { userId: ownerId, correlationId: randomUUID(), causationId: randomUUID() };
  const event = (eventType: string, payload: object, eventVersion = 1) => ({ eventId: randomUUID(), eventType, eventVersion, payload });
  await appendToStream(getPool(), {
    aggregateType: "project",
    aggregateId: projectId,
    projectId,
    expectedVersion: 0,
    metadata,
    recordedAt: at(0),
    events: [
      event("ProjectCreated", { name: "Generated", ownerId }),
      event("MemberAdded", { userId: ownerId, role: "owner" }),
      ...[
        [todo, "To do"],
        [doing, "Doing"],
        [done, "Done"],
      ].map(([columnId, name]) => event("ColumnAdded", { columnId, name, wipLimit: null })),
    ],
  });

  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const created = i * 2 * HOUR;
    const started = created + ((i % 3) + 1) * DAY;
    const plan: Plan = { id: randomUUID(), created, started };
    if (i % 7 === 0) plan.archived = started + 12 * HOUR;
    else if (i % 13 !== 0) {
      plan.done = started + ((i % 4) + 1) * DAY;
      if (i % 10 === 1) plan.reopened = plan.done + HOUR;
      plan.completed = plan.reopened ? plan.done + DAY : plan.done;
    }
    plans.push(plan);

    const base = { title: `Task ${i}`, description: "", assigneeId: null, labels: [], dueDate: null };
    const v1 = i % 2 === 1;
    const move = (fromColumnId: string, toColumnId: string) =>
      v1
        ? event("TaskMoved", { fromColumnId, toColumnId, wipLimitOverridden: false })
        : event("TaskMoved", { fromColumnId, toColumnId, rank: `a${i}`, wipLimitOverridden: false }, 2);
    const steps: [number, ReturnType<typeof event>][] = [
      [created, v1 ? event("TaskCreated", { projectId, columnId: todo, rank: "a0", ...base }) : event("TaskCreated", { projectId, columnId: todo, rank: "a0", priority: "low", ...base }, 2)],
      [started, move(todo, doing)],
    ];
    if (plan.archived !== undefined) steps.push([plan.archived, event("TaskArchived", {})]);
    if (plan.done !== undefined) steps.push([plan.done, move(doing, done)]);
    if (plan.reopened !== undefined) steps.push([plan.reopened, move(done, doing)], [plan.completed!, move(doing, done)]);
    for (const [version, [time, stored]] of steps.entries()) {
      await appendToStream(db, { aggregateType: "task", aggregateId: plan.id, projectId, expectedVersion: version, metadata, recordedAt: at(time), events: [stored] });
    }
  }
  return { projectId, columns: { todo, doing, done }, plans };
}

/** Where the plan puts a task at an instant (events at the instant count), or null when it is not on the board. */
function columnAt(plan: Plan, t: number): "todo" | "doing" | "done" | null {
  if (t < plan.created) return null;
  if (t < plan.started) return "todo";
  if (plan.archived !== undefined) return t < plan.archived ? "doing" : null;
  if (plan.done === undefined || t < plan.done) return "doing";
  if (plan.reopened !== undefined && t >= plan.reopened && t < plan.completed!) return "doing";
  return "done";
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe("flow analytics over the API", () => {
  it("folds a generated history, upcast v1 events included, in a few queries whatever the number of tasks", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId, columns, plans } = await generatedHistory(alice.user.id, 240);
    const range = { projectId, from: at(0), to: at(6 * WEEK), bucket: "day" as const };

    const query = vi.spyOn(getPool(), "query");
    const started = performance.now();
    const result = await alice.caller.analytics.flow(range);
    const elapsed = performance.now() - started;
    const queries = query.mock.calls.length;
    query.mockRestore();
    console.log(`analytics.flow: ${plans.length} tasks in ${elapsed.toFixed(0)} ms, ${queries} queries`);
    // The access check reads the board (snapshot lookup + events), the analytics one ordered read of the log.
    expect(queries).toBeLessThanOrEqual(4);

    expect(result.columns.map((column) => column.name)).toEqual(["To do", "Doing", "Done"]);
    const finished = plans.filter((plan) => plan.completed !== undefined);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(result.completed.map(({ id, leadTimeMs, cycleTimeMs }) => ({ id, leadTimeMs, cycleTimeMs })).sort(byId)).toEqual(
      finished.map((plan) => ({ id: plan.id, leadTimeMs: plan.completed! - plan.created, cycleTimeMs: plan.completed! - plan.started })).sort(byId),
    );

    // The range ends on a Monday, inclusive: the week it starts is in the series too, for its first instant.
    const perWeek = Array.from({ length: 7 }, (_, week) => finished.filter((plan) => Math.floor(plan.completed! / WEEK) === week).length);
    expect(result.throughput.map((week) => week.completed)).toEqual(perWeek);

    expect(result.cumulativeFlow).toHaveLength(6 * 7 + 1);
    for (const day of [0, 3, 10, 17, 25, 42]) {
      const expected = { [columns.todo]: 0, [columns.doing]: 0, [columns.done]: 0 };
      for (const plan of plans) {
        const column = columnAt(plan, day * DAY);
        if (column) expected[columns[column]]!++;
      }
      expect(result.cumulativeFlow[day]).toEqual({ at: at(day * DAY), counts: expected });
    }
  });

  it("answers as of an instant: a task reopened after it is not done again yet", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId, plans } = await generatedHistory(alice.user.id, 12);
    const reopened = plans.find((plan) => plan.reopened !== undefined)!;
    const between = at(reopened.reopened! + HOUR);
    const range = { projectId, from: at(0), to: at(4 * WEEK) };

    const then = await alice.caller.analytics.flow({ ...range, asOf: between });
    expect(then.asOf).toEqual(between);
    expect(then.to).toEqual(between);
    expect(then.completed.some((task) => task.id === reopened.id)).toBe(false);

    const onFirstDone = await alice.caller.analytics.flow({ ...range, asOf: at(reopened.done!) });
    expect(onFirstDone.completed.find((task) => task.id === reopened.id)?.leadTimeMs).toBe(reopened.done! - reopened.created);

    const now = await alice.caller.analytics.flow(range);
    expect(now.completed.find((task) => task.id === reopened.id)?.completedAt).toEqual(at(reopened.completed!));
  });

  it("lets every reader role ask, nobody else, and refuses malformed or too fine ranges", async () => {
    const alice = await signedUpUser("Alice");
    const viewer = await signedUpUser("Victor");
    const stranger = await signedUpUser("Mallory");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Launch" });
    await alice.caller.project.addMember({ ...cmd(), projectId, email: viewer.user.email, role: "viewer" });
    const range = { projectId, from: new Date(Date.now() - WEEK), to: new Date() };

    const seen = await viewer.caller.analytics.flow(range);
    expect(seen.columns.length).toBeGreaterThan(0);
    expect(seen.completed).toEqual([]);
    expect(await codeOf(stranger.caller.analytics.flow(range))).toBe("NOT_FOUND");
    expect(await codeOf(alice.caller.analytics.flow({ ...range, projectId: randomUUID() }))).toBe("NOT_FOUND");
    expect(await codeOf(alice.caller.analytics.flow({ ...range, from: range.to, to: range.from }))).toBe("BAD_REQUEST");
    expect(await codeOf(alice.caller.analytics.flow({ ...range, from: new Date(Date.now() - 100 * DAY), bucket: "hour" }))).toBe("BAD_REQUEST");
    expect(await codeOf(alice.caller.analytics.flow({ ...range, bucket: "minute" as "hour" }))).toBe("BAD_REQUEST");
  });
});
