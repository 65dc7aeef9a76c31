import { describe, expect, it } from "vitest";
import { type FlowEvent, foldFlow, type FlowOptions } from "../../../../server/board-state/analytics/flow";

// Monday 2 November 2026, 00:00 UTC; d(n) is n days later.
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2);
const d = (days: number) => new Date(T0 + days * DAY);

const P = "project";
const [TODO, DOING, REVIEW, DONE] = ["c-todo", "c-doing", "c-review", "c-done"];

const project = (type: string, data: object, at: Date) => ({ type, data, aggregateId: P, timestamp: at }) as FlowEvent;
const created = (task: string, columnId: string, at: Date) =>
  ({
    type: "TaskCreated",
    data: { projectId: P, columnId, rank: "a0", title: task, description: "", priority: "none", assigneeId: null, labels: [], dueDate: null },
    aggregateId: task,
    timestamp: at,
  }) as FlowEvent;
const moved = (task: string, fromColumnId: string, toColumnId: string, at: Date) =>
  ({ type: "TaskMoved", data: { fromColumnId, toColumnId, rank: "a0", wipLimitOverridden: false }, aggregateId: task, timestamp: at }) as FlowEvent;
const taskEvent = (task: string, type: string, at: Date, data: object = {}) => ({ type, data, aggregateId: task, timestamp: at }) as FlowEvent;

/**
 * Four columns, one of them (Review) renamed to QA and later removed; six tasks:
 * A  To do 0.375 → Doing 1.375 → Done 3.375 (renamed "A2" at 2, "A3" at 9)
 * B  To do 0.5 → Doing 2 → Done 4 → Doing 5 (reopened) → Done 8
 * C  created in Doing 1, archived 2, restored 3 → Done 4
 * D  To do 1 → Done 2 (straight), archived 3 (in Done)
 * E  To do 2, never moved
 * F  To do 0 → Doing 1 → Review 2 → Doing 3 → To do 4 → Doing 5
 */
const history: FlowEvent[] = [
  project("ProjectCreated", { name: "Flow", ownerId: "u1" }, d(0)),
  project("ColumnAdded", { columnId: TODO, name: "To do", wipLimit: null }, d(0)),
  project("ColumnAdded", { columnId: DOING, name: "Doing", wipLimit: null }, d(0)),
  project("ColumnAdded", { columnId: REVIEW, name: "Review", wipLimit: null }, d(0)),
  project("ColumnAdded", { columnId: DONE, name: "Done", wipLimit: null }, d(0)),
  created("F", TODO, d(0)),
  created("A", TODO, d(0.375)),
  created("B", TODO, d(0.5)),
  project("ColumnRenamed", { columnId: REVIEW, name: "QA" }, d(1)),
  moved("F", TODO, DOING, d(1)),
  created("C", DOING, d(1)),
  created("D", TODO, d(1)),
  moved("A", TODO, DOING, d(1.375)),
  moved("B", TODO, DOING, d(2)),
  moved("F", DOING, REVIEW, d(2)),
  taskEvent("A", "TaskRenamed", d(2), { title: "A2" }),
  taskEvent("C", "TaskArchived", d(2)),
  moved("D", TODO, DONE, d(2)),
  created("E", TODO, d(2)),
  moved("F", REVIEW, DOING, d(3)),
  taskEvent("C", "TaskRestored", d(3)),
  taskEvent("D", "TaskArchived", d(3)),
  moved("A", DOING, DONE, d(3.375)),
  moved("B", DOING, DONE, d(4)),
  moved("C", DOING, DONE, d(4)),
  moved("F", DOING, TODO, d(4)),
  moved("B", DONE, DOING, d(5)),
  moved("F", TODO, DOING, d(5)),
  project("ColumnRemoved", { columnId: REVIEW }, d(6)),
  moved("B", DOING, DONE, d(8)),
  taskEvent("A", "TaskRenamed", d(9), { title: "A3" }),
];

const flow = (options: Partial<FlowOptions> = {}, events = history) =>
  foldFlow(events, { from: d(0), to: d(14), asOf: d(10), bucket: "day", ...options });
const byId = <T extends { id: string }>(items: T[]) => Object.fromEntries(items.map((item) => [item.id, item]));
const counts = (todo: number, doing: number, done: number, review = 0) => ({ [TODO]: todo, [DOING]: doing, [DONE]: done, [REVIEW]: review });

describe("flow analytics", () => {
  it("takes the workflow from the board as of the instant: first and last column, removed ones after, latest names", () => {
    const result = flow();
    expect(result.columns).toEqual([
      { id: TODO, name: "To do", removed: false },
      { id: DOING, name: "Doing", removed: false },
      { id: DONE, name: "Done", removed: false },
      { id: REVIEW, name: "QA", removed: true },
    ]);
    expect([result.firstColumnId, result.doneColumnId]).toEqual([TODO, DONE]);
    expect(result.to).toEqual(d(10));
  });

  it("measures lead time from creation and cycle time from first leaving the first column, to the last entry into done", () => {
    const tasks = byId(flow().completed);
    expect(Object.keys(tasks).sort()).toEqual(["A", "B", "C", "D"]);
    expect(tasks.A).toMatchObject({ title: "A3", createdAt: d(0.375), startedAt: d(1.375), completedAt: d(3.375), leadTimeMs: 3 * DAY, cycleTimeMs: 2 * DAY });
    // Reopened: it counts from its last entry into done, and its cycle from its first start.
    expect(tasks.B).toMatchObject({ startedAt: d(2), completedAt: d(8), leadTimeMs: 7.5 * DAY, cycleTimeMs: 6 * DAY });
    // Created past the first column: its cycle starts at creation; the archived spell does not reset anything.
    expect(tasks.C).toMatchObject({ startedAt: d(1), completedAt: d(4), leadTimeMs: 3 * DAY, cycleTimeMs: 3 * DAY, archived: false });
    // Straight from the first column into done, then archived there: still done work.
    expect(tasks.D).toMatchObject({ startedAt: d(2), completedAt: d(2), leadTimeMs: 1 * DAY, cycleTimeMs: 0, archived: true });
  });

  it("summarises the completed tasks' times with nearest-rank percentiles and shared histogram bins", () => {
    const result = flow();
    // Lead 1, 3, 3, 7.5 days; cycle 0, 2, 3, 6 days.
    expect(result.leadTime).toEqual({ count: 4, meanMs: 3.625 * DAY, p50Ms: 3 * DAY, p85Ms: 7.5 * DAY, p95Ms: 7.5 * DAY });
    expect(result.cycleTime).toEqual({ count: 4, meanMs: 2.75 * DAY, p50Ms: 2 * DAY, p85Ms: 6 * DAY, p95Ms: 6 * DAY });
    // The longest is 180 hours: 12-hour bins are the first that need fewer than 20 (16 bins).
    const { binMs, bins } = result.distribution;
    expect(binMs).toBe(DAY / 2);
    expect(bins).toHaveLength(16);
    const nonEmpty = bins.flatMap((bin, i) => (bin.lead || bin.cycle ? [[i, bin.lead, bin.cycle]] : []));
    expect(nonEmpty).toEqual([
      [0, 0, 1],
      [2, 1, 0],
      [4, 0, 1],
      [6, 2, 1],
      [12, 0, 1],
      [15, 1, 0],
    ]);
  });

  it("counts throughput per Monday-to-Monday UTC week, clipped to the range", () => {
    expect(flow().throughput).toEqual([
      { weekStart: d(0), from: d(0), to: d(7), completed: 3 },
      { weekStart: d(7), from: d(7), to: d(10), completed: 1 },
    ]);
    // A range starting mid-week: the week keeps its Monday, the count only what lies in the range.
    expect(flow({ from: d(3) }).throughput[0]).toEqual({ weekStart: d(0), from: d(3), to: d(7), completed: 2 });
  });

  it("samples the cumulative flow at each bucket, events stamped at an instant included, archived tasks off the board unless done", () => {
    const series = flow().cumulativeFlow;
    expect(series.map((sample) => sample.at)).toEqual(Array.from({ length: 11 }, (_, i) => d(i)));
    expect(series.map((sample) => sample.counts)).toEqual([
      counts(1, 0, 0),
      counts(3, 2, 0),
      counts(1, 2, 1, 1),
      counts(1, 4, 1),
      counts(2, 0, 4),
      counts(1, 2, 3),
      counts(1, 2, 3),
      counts(1, 2, 3),
      counts(1, 1, 4),
      counts(1, 1, 4),
      counts(1, 1, 4),
    ]);
  });

  it("ends the series at the range's end, sampled by week, when that comes before the as-of instant", () => {
    const series = flow({ from: d(3), to: d(5), bucket: "week" }).cumulativeFlow;
    expect(series).toEqual([
      { at: d(3), counts: counts(1, 4, 1) },
      { at: d(5), counts: counts(1, 2, 3) },
    ]);
  });

  it("adds up the time spent in each column within the range, per task that was there, archived time left out", () => {
    expect(flow().timeInColumn).toEqual([
      { columnId: TODO, name: "To do", totalMs: 13.5 * DAY, tasks: 5, averageMs: (13.5 * DAY) / 5 },
      { columnId: DOING, name: "Doing", totalMs: 16 * DAY, tasks: 4, averageMs: 4 * DAY },
      { columnId: DONE, name: "Done", totalMs: 16.625 * DAY, tasks: 4, averageMs: (16.625 * DAY) / 4 },
      { columnId: REVIEW, name: "QA", totalMs: 1 * DAY, tasks: 1, averageMs: 1 * DAY },
    ]);
    const partial = flow({ from: d(3), to: d(5) }).timeInColumn[0];
    expect(partial).toEqual({ columnId: TODO, name: "To do", totalMs: 3 * DAY, tasks: 2, averageMs: 1.5 * DAY });
  });

  it("knows only what had happened as of the instant: a reopened task is not done until it is back, an event at the instant counts", () => {
    const before = flow({ asOf: new Date(d(8).getTime() - 1) });
    expect(before.completed.map((task) => task.id).sort()).toEqual(["A", "C", "D"]);
    expect(before.to).toEqual(new Date(d(8).getTime() - 1));
    const at = flow({ asOf: d(8) });
    expect(byId(at.completed).B).toMatchObject({ completedAt: d(8), leadTimeMs: 7.5 * DAY });
    // The column removed at day 6 is still on the board just before, and gone at day 6 itself.
    expect(flow({ asOf: new Date(d(6).getTime() - 1) }).columns.find((c) => c.id === REVIEW)).toEqual({ id: REVIEW, name: "QA", removed: false });
    expect(flow({ asOf: d(6) }).columns.find((c) => c.id === REVIEW)?.removed).toBe(true);
    // Between events: the last sample is the instant itself; the title is the one it had then.
    expect(flow({ asOf: d(1.5) }).cumulativeFlow.at(-1)).toEqual({ at: d(1.5), counts: counts(2, 3, 0) });
    expect(byId(flow({ asOf: d(3.5) }).completed).A?.title).toBe("A2");
  });

  it("follows the column order: moving Doing to the end makes it the done column from then on", () => {
    const result = flow({}, [...history, project("ColumnMoved", { columnId: DOING, toIndex: 2 }, d(9))]);
    expect(result.doneColumnId).toBe(DOING);
    // F has stood in Doing since day 5 (it started at day 1); tasks in the old Done are no longer done.
    expect(result.completed.map(({ id, leadTimeMs, cycleTimeMs }) => ({ id, leadTimeMs, cycleTimeMs }))).toEqual([
      { id: "F", leadTimeMs: 5 * DAY, cycleTimeMs: 4 * DAY },
    ]);
  });

  it("answers empty series before the range starts or for a project without tasks", () => {
    const empty = flow({ asOf: new Date(d(0).getTime() - 1) });
    expect([empty.cumulativeFlow, empty.completed, empty.throughput, empty.distribution.bins]).toEqual([[], [], [], []]);
    expect(empty.leadTime).toEqual({ count: 0, meanMs: null, p50Ms: null, p85Ms: null, p95Ms: null });
    const noTasks = flow({}, history.filter((event) => event.aggregateId === P));
    expect(noTasks.cumulativeFlow.every((sample) => Object.values(sample.counts).every((n) => n === 0))).toBe(true);
  });
});
