import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { boardContext, columnTasks, DomainError, rankBetween, type TaskCommand, taskDecider } from "../../../server/domain";
import { appendToStream, backgroundWorkDone, readStream, snapshotAggregate, snapshotPolicy, type StoredEvent } from "../../../server/eventstore";
import { foldBoard, loadBoard, loadTaskAsOf, snapshotBoard } from "../../../server/board-state";
import { metadata, testPool } from "../helpers/db";
import { minute, naiveBoardAsOf, projectHistory } from "../helpers/history";

/** A task's comments as the stored TaskCommented events say, for comparing with the as-of answers. */
function commentsOf(events: StoredEvent[]) {
  return events
    .filter((e) => e.eventType === "TaskCommented")
    .map((e) => ({ ...(e.payload as { commentId: string; body: string }), authorId: e.metadata.userId, createdAt: e.timestamp }));
}

const pool = testPool();
const defaults = { ...snapshotPolicy };
afterAll(async () => {
  Object.assign(snapshotPolicy, defaults);
  await backgroundWorkDone(); // loads below may have started board snapshots
});

/** One step of a generated history; `task` and `column` pick among those that exist by index. */
type Step =
  | { kind: "create"; column: number; title: string; v1: boolean }
  | { kind: "move"; task: number; column: number; top: boolean; v1: boolean }
  | { kind: "edit"; task: number; edit: "rename" | "label" | "unlabel" | "priority" | "comment" | "archive" | "restore" | "assign" }
  | { kind: "project"; change: "rename" | "addColumn" | "wipLimit" | "moveColumn"; column: number }
  | { kind: "snapshotBoard" }
  | { kind: "snapshotTask"; task: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("create" as const), column: fc.nat(3), title: fc.constantFrom("Plan", "Build", "Ship"), v1: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("move" as const), task: fc.nat(9), column: fc.nat(3), top: fc.boolean(), v1: fc.boolean() }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      task: fc.nat(9),
      edit: fc.constantFrom("rename", "label", "unlabel", "priority", "comment", "archive", "restore", "assign") as fc.Arbitrary<
        "rename" | "label" | "unlabel" | "priority" | "comment" | "archive" | "restore" | "assign"
      >,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("project" as const),
      change: fc.constantFrom("rename", "addColumn", "wipLimit", "moveColumn") as fc.Arbitrary<"rename" | "addColumn" | "wipLimit" | "moveColumn">,
      column: fc.nat(3),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "snapshotBoard" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("snapshotTask" as const), task: fc.nat(9) }) },
);

/** Gaps between steps: 0 stamps two commands with the same instant, 1 ms is the finest the API shows. */
const gap = fc.constantFrom(0, 1, 1_000, 60_000);

async function writeHistory(steps: { step: Step; gap: number }[]) {
  const history = projectHistory(pool);
  const { projectId } = history;
  let clock = minute(0).getTime();
  await history.create(new Date(clock));
  const taskIds: string[] = [];
  const at = (n: number) => taskIds[n % Math.max(taskIds.length, 1)];

  for (const { step, gap } of steps) {
    clock += gap;
    const stamp = new Date(clock);
    const board = await loadBoard(pool, projectId);
    const columnIds = board.columns.map((c) => c.id);
    const column = (n: number) => columnIds[n % columnIds.length]!;
    try {
      switch (step.kind) {
        case "create": {
          const taskId = randomUUID();
          const columnId = column(step.column);
          const rank = rankBetween(columnTasks(board, columnId).at(-1)?.rank ?? null, null);
          if (step.v1) {
            const payload = { projectId, columnId, rank, title: step.title, description: "", assigneeId: null, labels: [], dueDate: null };
            await appendV1(projectId, taskId, 0, "TaskCreated", payload, stamp);
          } else {
            await history.task(stamp, taskId, { type: "CreateTask", taskId, projectId, columnId, rank, title: step.title, board: boardContext(board) });
          }
          taskIds.push(taskId);
          break;
        }
        case "move": {
          const taskId = at(step.task);
          const task = taskId && board.tasks[taskId];
          if (!task || task.archived) break;
          const toColumnId = column(step.column);
          if (step.v1) {
            const payload = { fromColumnId: task.columnId, toColumnId, wipLimitOverridden: false };
            await appendV1(projectId, taskId, board.taskVersions[taskId]!, "TaskMoved", payload, stamp);
          } else {
            const others = columnTasks(board, toColumnId).filter((t) => t.id !== taskId);
            const rank = step.top ? rankBetween(null, others[0]?.rank ?? null) : rankBetween(others.at(-1)?.rank ?? null, null);
            await history.task(stamp, taskId, { type: "MoveTask", taskId, toColumnId, rank, overrideWipLimit: true, board: boardContext(board) });
          }
          break;
        }
        case "edit": {
          const taskId = at(step.task);
          if (taskId) await history.task(stamp, taskId, editCommand(taskId, step.edit, boardContext(board)));
          break;
        }
        case "project": {
          const columnId = column(step.column);
          await history.project(
            stamp,
            step.change === "rename"
              ? { type: "RenameProject", projectId, name: `Renamed at ${clock}` }
              : step.change === "addColumn"
                ? { type: "AddColumn", projectId, columnId: randomUUID(), name: "Later" }
                : step.change === "wipLimit"
                  ? { type: "SetWipLimit", projectId, columnId, wipLimit: 1 + (clock % 3) }
                  : { type: "MoveColumn", projectId, columnId, toIndex: 0 },
          );
          break;
        }
        case "snapshotBoard":
          await snapshotBoard(pool, projectId);
          break;
        case "snapshotTask": {
          const taskId = at(step.task);
          if (taskId) await snapshotAggregate(pool, { aggregateType: "task", aggregateId: taskId }, taskDecider);
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  await backgroundWorkDone();
  return { projectId, taskIds, end: clock };
}

function editCommand(taskId: string, edit: Extract<Step, { kind: "edit" }>["edit"], board: ReturnType<typeof boardContext>): TaskCommand {
  switch (edit) {
    case "rename":
      return { type: "RenameTask", taskId, title: `Renamed ${randomUUID().slice(0, 4)}` };
    case "label":
      return { type: "AddLabel", taskId, label: "docs" };
    case "unlabel":
      return { type: "RemoveLabel", taskId, label: "docs" };
    case "priority":
      return { type: "ChangePriority", taskId, priority: "urgent" };
    case "comment":
      return { type: "CommentOnTask", taskId, commentId: randomUUID(), body: "Noted" };
    case "archive":
      return { type: "ArchiveTask", taskId };
    case "restore":
      return { type: "RestoreTask", taskId };
    case "assign":
      return { type: "AssignTask", taskId, assigneeId: "user-1", board };
  }
}

/** What the app wrote before event schema v2, stored as it was. */
async function appendV1(projectId: string, taskId: string, version: number, eventType: string, payload: unknown, recordedAt: Date) {
  await appendToStream(pool, {
    aggregateType: "task",
    aggregateId: taskId,
    projectId,
    expectedVersion: version,
    events: [{ eventId: randomUUID(), eventType, eventVersion: 1, payload }],
    metadata: metadata(),
    recordedAt,
  });
}

describe("as-of answers equal a full replay filtered by time", () => {
  it("for the board and each task, at random instants and versions, with snapshots taken anywhere", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ step, gap }), { minLength: 5, maxLength: 40 }),
        fc.record({ aggregateEvery: fc.integer({ min: 2, max: 8 }), boardEvery: fc.integer({ min: 3, max: 12 }) }),
        fc.array(fc.double({ min: -0.1, max: 1.1, noNaN: true }), { minLength: 3, maxLength: 6 }),
        async (steps, policy, fractions) => {
          Object.assign(snapshotPolicy, policy);
          const { projectId, taskIds, end } = await writeHistory(steps);
          const stamps = (await readStream(pool, { aggregateType: "project", aggregateId: projectId })).map((e) => e.timestamp.getTime());
          const start = stamps[0]!;
          // Random instants, and every edge: each event's own millisecond and the ones either side of it.
          const instants = [
            ...fractions.map((f) => start + Math.round(f * (end - start + 60_000))),
            ...[start, end].flatMap((t) => [t - 1, t, t + 1]),
            ...(await Promise.all(taskIds.map((id) => readStream(pool, { aggregateType: "task", aggregateId: id }))))
              .flat()
              .flatMap((e) => [e.timestamp.getTime() - 1, e.timestamp.getTime()]),
          ].map((t) => new Date(t));

          for (const instant of instants) {
            const naive = await naiveBoardAsOf(pool, projectId, instant);
            expect(await loadBoard(pool, projectId, { until: instant })).toEqual(naive);
            for (const taskId of taskIds) {
              const task = naive.tasks[taskId];
              const stream = await readStream(pool, { aggregateType: "task", aggregateId: taskId });
              const comments = commentsOf(stream.filter((e) => e.timestamp <= instant));
              expect(await loadTaskAsOf(pool, taskId, { until: instant })).toEqual(
                task ? { ...task, version: naive.taskVersions[taskId], comments } : null,
              );
            }
          }
          for (const taskId of taskIds) {
            const stream = await readStream(pool, { aggregateType: "task", aggregateId: taskId });
            for (const version of stream.map((e) => e.version)) {
              const naive = foldBoard(stream.slice(0, version));
              const comments = commentsOf(stream.slice(0, version));
              expect(await loadTaskAsOf(pool, taskId, { toVersion: version })).toEqual({ ...naive.tasks[taskId], version, comments });
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
