import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { chainSegment, sealCommitted } from "../../../server/audit";
import { foldBoard, loadBoard, snapshotBoard } from "../../../server/board-state";
import {
  boardContext,
  columnTasks,
  currentEventVersion,
  decideAll,
  DomainError,
  DomainEvent,
  type ProjectCommand,
  projectDecider,
  rankBetween,
  type TaskCommand,
  taskDecider,
} from "../../../server/domain";
import {
  backgroundWorkDone,
  handleCommand,
  loadAggregate,
  readProject,
  readProjectLog,
  readStream,
  snapshotPolicy,
  type StoredEvent,
} from "../../../server/eventstore";
import { testPool } from "../helpers/db";
import { minute, projectHistory } from "../helpers/history";

const pool = testPool();
const defaults = { ...snapshotPolicy };
afterAll(async () => {
  Object.assign(snapshotPolicy, defaults);
  await backgroundWorkDone();
});

const context = () => ({ userId: "user-1", correlationId: randomUUID(), commandId: randomUUID() });

type Edit = "rename" | "describe" | "label" | "priority" | "comment" | "move";
const edit = fc.constantFrom<Edit>("rename", "describe", "label", "priority", "comment", "move");

/** One multi-event command: on a task (a new one, or one by index) or adding columns; then maybe a board snapshot. */
type Step = {
  target: { kind: "newTask" } | { kind: "task"; index: number } | { kind: "columns"; count: number };
  edits: Edit[];
  /** Milliseconds between the command's events (stored the old way, each row its own instant), and before it. */
  gaps: number[];
  after: number;
  /** A board snapshot cut at an instant inside this command. */
  snapshotInside: boolean;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  target: fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: "newTask" as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("task" as const), index: fc.nat(5) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("columns" as const), count: fc.integer({ min: 2, max: 3 }) }) },
  ),
  edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
  gaps: fc.array(fc.constantFrom(0, 1, 2, 3), { minLength: 6, maxLength: 6 }),
  after: fc.constantFrom(0, 1, 2, 5),
  snapshotInside: fc.boolean(),
});

/**
 * Appends a command's events as the app did before they shared one instant: one statement, one
 * transaction, one metadata value, each row stamped with its own time (here spread by whole milliseconds,
 * so that an "as of" instant, which has millisecond precision, can fall between them).
 */
async function appendSplit(stream: { aggregateType: string; aggregateId: string }, projectId: string, decided: { type: string; data: unknown }[], stamps: Date[]) {
  const version = (await readStream(pool, stream)).length;
  const events = decided.map((e) => DomainEvent.parse(e));
  await pool.query(
    `INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata, "timestamp")
     SELECT gen_random_uuid(), i.t, i.v, $1, $2, $3 + i.n, $4, i.p, $5, i.ts
     FROM unnest($6::text[], $7::int[], $8::jsonb[], $9::timestamptz[]) WITH ORDINALITY AS i(t, v, p, ts, n)
     ORDER BY i.n`,
    [
      stream.aggregateType,
      stream.aggregateId,
      version,
      projectId,
      JSON.stringify({ ...context(), causationId: randomUUID() }),
      events.map((e) => e.type),
      events.map((e) => currentEventVersion[e.type]),
      events.map((e) => JSON.stringify(e.data)),
      stamps,
    ],
  );
}

let counter = 0;
function taskEdit(kind: Edit, taskId: string, board: Awaited<ReturnType<typeof loadBoard>>): TaskCommand {
  const n = ++counter;
  switch (kind) {
    case "rename":
      return { type: "RenameTask", taskId, title: `Title ${n}` };
    case "describe":
      return { type: "ChangeDescription", taskId, description: `Description ${n}` };
    case "label":
      return { type: "AddLabel", taskId, label: `l${n}` };
    case "priority":
      return { type: "ChangePriority", taskId, priority: (["low", "medium", "high", "urgent"] as const)[n % 4]! };
    case "comment":
      return { type: "CommentOnTask", taskId, commentId: randomUUID(), body: `Comment ${n}` };
    case "move": {
      const toColumnId = board.columns[n % board.columns.length]!.id;
      const rank = rankBetween(columnTasks(board, toColumnId).filter((t) => t.id !== taskId).at(-1)?.rank ?? null, null);
      return { type: "MoveTask", taskId, toColumnId, rank, overrideWipLimit: true, board: boardContext(board) };
    }
  }
}

/** A project created the new way, then multi-event commands stored the old way; the commands' event ids. */
async function writeSplitHistory(steps: Step[]) {
  const history = projectHistory(pool);
  const { projectId } = history;
  await history.create(minute(0));
  let clock = minute(0).getTime() + 10;
  const taskIds: string[] = [];
  const commands: { ids: Set<string>; first: number; last: number }[] = [];
  const cuts: Date[] = [];

  for (const step of steps) {
    const board = await loadBoard(pool, projectId);
    let stream: { aggregateType: string; aggregateId: string };
    let decided: { type: string; data: unknown }[];
    if (step.target.kind === "columns") {
      stream = { aggregateType: "project", aggregateId: projectId };
      const adds: ProjectCommand[] = Array.from({ length: step.target.count }, () => ({ type: "AddColumn", projectId, columnId: randomUUID(), name: `Column ${++counter}`, wipLimit: null }));
      decided = decideAll(projectDecider, adds, (await loadAggregate(pool, stream, projectDecider)).state);
    } else {
      const existing = step.target.kind === "task" ? taskIds[step.target.index % Math.max(taskIds.length, 1)] : undefined;
      const taskId = existing ?? randomUUID();
      stream = { aggregateType: "task", aggregateId: taskId };
      const planned: TaskCommand[] = existing
        ? []
        : [{ type: "CreateTask", taskId, projectId, columnId: board.columns[0]!.id, rank: rankBetween(columnTasks(board, board.columns[0]!.id).at(-1)?.rank ?? null, null), title: `Task ${++counter}`, board: boardContext(board) }];
      // Plan each edit on the board as it will be once the previous ones are applied (moves need ranks).
      planned.push(...step.edits.map((kind) => taskEdit(kind, taskId, board)));
      try {
        decided = decideAll(taskDecider, planned, (await loadAggregate(pool, stream, taskDecider)).state);
      } catch (error) {
        if (error instanceof DomainError) continue; // e.g. a move to the column the task is in
        throw error;
      }
    }
    if (decided.length < 2) continue;
    clock += step.after;
    const stamps = decided.map((_, i) => new Date((clock += i === 0 ? 0 : step.gaps[i % step.gaps.length]!)));
    await appendSplit(stream, projectId, decided, stamps);
    if (stream.aggregateType === "task" && !taskIds.includes(stream.aggregateId)) taskIds.push(stream.aggregateId);
    const stored = (await readStream(pool, stream)).slice(-decided.length);
    commands.push({ ids: new Set(stored.map((e) => e.eventId)), first: stamps[0]!.getTime(), last: stamps.at(-1)!.getTime() });
    if (step.snapshotInside && stamps.at(-1)! > stamps[0]!) {
      const inside = new Date(stamps[0]!.getTime() + 1);
      cuts.push(inside);
      await snapshotBoard(pool, projectId, { until: inside });
    }
  }
  await backgroundWorkDone();
  return { projectId, taskIds, commands, cuts };
}

/** Every command is in `events` whole or not at all; returns the commands that are. */
function wholeCommands(events: StoredEvent[], commands: { ids: Set<string> }[], where: string) {
  const seen = new Set(events.map((e) => e.eventId));
  return commands.filter((command) => {
    const present = [...command.ids].filter((id) => seen.has(id)).length;
    expect(present === 0 || present === command.ids.size, `${where}: ${present} of ${command.ids.size} events of one command`).toBe(true);
    return present > 0;
  });
}

describe("one instant per command", () => {
  it("stamps every event of a command with one instant (project.create, several task commands as one)", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 2, maxLength: 6 }), async (edits) => {
        const projectId = randomUUID();
        const project = { aggregateType: "project", aggregateId: projectId };
        const columns = ["To do", "Doing", "Done"].map((name) => ({ columnId: randomUUID(), name, wipLimit: null }));
        const created = await handleCommand(pool, { stream: project, projectId, decider: projectDecider, command: { type: "CreateProject", projectId, name: "Live", ownerId: "user-1", columns }, context: context() });
        const board = await loadBoard(pool, projectId);
        const taskId = randomUUID();
        const commands: TaskCommand[] = [
          { type: "CreateTask", taskId, projectId, columnId: columns[0]!.columnId, rank: rankBetween(null, null), title: "Live", board: boardContext(board) },
          ...edits.map((kind) => taskEdit(kind, taskId, board)),
        ];
        const task = await handleCommand(pool, { stream: { aggregateType: "task", aggregateId: taskId }, projectId, decider: taskDecider, commands: () => commands, context: context() });
        for (const result of [created, task]) {
          expect(result.events.length).toBeGreaterThan(1);
          const stored = (await readProject(pool, projectId)).filter((e) => result.events.some((r) => r.eventId === e.eventId));
          expect(new Set(stored.map((e) => e.timestamp.toISOString())).size).toBe(1);
          expect(stored[0]!.timestamp).toEqual(result.events[0]!.timestamp);
        }
      }),
      { numRuns: 8 },
    );
  });

  it("shows no instant between a command's first and last event with part of it, for events stored with split instants", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 3, maxLength: 8 }), fc.integer({ min: 2, max: 6 }), async (steps, aggregateEvery) => {
        Object.assign(snapshotPolicy, { aggregateEvery, boardEvery: 4 });
        const { projectId, taskIds, commands, cuts } = await writeSplitHistory(steps);
        await sealCommitted(pool, { timeoutMs: 60_000 }); // the PostgreSQL server is shared: others' transactions may hold it back a while
        const all = await readProject(pool, projectId);
        const instants = new Set<number>(cuts.map((c) => c.getTime()));
        for (const { first, last } of commands) for (let t = first - 1; t <= last; t++) instants.add(t);

        for (const t of instants) {
          const instant = new Date(t);
          // The log as of T, and the board folded from it: the same whole commands the reference counts.
          const counted = wholeCommands(await readProject(pool, projectId, { until: instant }), commands, `readProject ${t}`);
          const reference = commands.filter((c) => c.last <= t);
          expect(counted.length).toBe(reference.length);
          const kept = all.filter((e) => !commands.some((c) => c.ids.has(e.eventId)) ? e.timestamp.getTime() <= t : reference.some((c) => c.ids.has(e.eventId)));
          expect(await loadBoard(pool, projectId, { until: instant }), `board as of ${t}`).toEqual(foldBoard(kept));
          for (const taskId of taskIds) {
            wholeCommands(await readStream(pool, { aggregateType: "task", aggregateId: taskId }, { until: instant }), commands, `task ${t}`);
          }
          // Audit log and export ranges that start or end at T.
          const page = { limit: 10_000 };
          wholeCommands((await readProjectLog(pool, projectId, { to: instant }, page)).events, commands, `audit log to ${t}`);
          wholeCommands((await readProjectLog(pool, projectId, { from: instant }, page)).events, commands, `audit log from ${t}`);
          for (const range of [{ from: instant.toISOString(), to: null }, { from: null, to: new Date(t + 1).toISOString() }]) {
            const segment = await chainSegment(pool, projectId, range);
            const { rows } = await pool.query<{ position: string }>(
              `SELECT position FROM event_hashes WHERE project_id = $1 AND chain_index > $2 AND chain_index <= $3`,
              [projectId, segment.after, segment.through],
            );
            const positions = new Set(rows.map((r) => Number(r.position)));
            wholeCommands(all.filter((e) => positions.has(e.position)), commands, `export ${JSON.stringify(range)}`);
          }
        }
      }),
      { numRuns: 6 },
    );
  });
});
