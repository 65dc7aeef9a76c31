import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BoardContext,
  commandsToRevert,
  decideAll,
  DomainError,
  evolveTask,
  initialTaskState,
  type TaskCommand,
  taskChanges,
  taskDecider,
  taskFields,
  type TaskState,
} from "../../../server/domain";

const taskId = "00000000-0000-4000-8000-0000000000a1";
const projectId = "00000000-0000-4000-8000-000000000001";
const [todo, doing, done] = ["c1", "c2", "c3"].map((c) => `00000000-0000-4000-8000-0000000000${c}`) as [string, string, string];
const board: BoardContext = {
  columns: [todo, doing, done].map((id) => ({ id, name: id, wipLimit: null, taskCount: 0 })),
  memberIds: ["alice", "bob"],
};
const create: TaskCommand = { type: "CreateTask", taskId, projectId, columnId: todo, rank: "a0", title: "Plan", labels: ["docs"], board };

/** Decides and applies commands one by one, as the handler would; refused ones change nothing. */
function run(state: TaskState, commands: TaskCommand[]): TaskState {
  return commands.reduce((s, command) => {
    try {
      return decideAll(taskDecider, [command], s).reduce(evolveTask, s);
    } catch (error) {
      if (error instanceof DomainError) return s;
      throw error;
    }
  }, state);
}

const fields = (state: TaskState) => Object.fromEntries(taskFields.map((f) => [f, f === "labels" ? [...state.labels].sort() : state[f]]));

const command: fc.Arbitrary<TaskCommand> = fc.oneof(
  fc.constantFrom("Plan", "Plan v2", "Ship").map((title): TaskCommand => ({ type: "RenameTask", taskId, title })),
  fc.constantFrom("", "Details").map((description): TaskCommand => ({ type: "ChangeDescription", taskId, description })),
  fc.constantFrom("none", "low", "urgent").map((priority): TaskCommand => ({ type: "ChangePriority", taskId, priority })),
  fc.constantFrom("alice", "bob").map((assigneeId): TaskCommand => ({ type: "AssignTask", taskId, assigneeId, board })),
  fc.constant<TaskCommand>({ type: "UnassignTask", taskId }),
  fc.constantFrom("2030-01-31", "2030-03-01").map((dueDate): TaskCommand => ({ type: "SetDueDate", taskId, dueDate })),
  fc.constant<TaskCommand>({ type: "ClearDueDate", taskId }),
  fc.constantFrom("docs", "bug", "ops").map((label): TaskCommand => ({ type: "AddLabel", taskId, label })),
  fc.constantFrom("docs", "bug", "ops").map((label): TaskCommand => ({ type: "RemoveLabel", taskId, label })),
  fc
    .tuple(fc.constantFrom(todo, doing, done), fc.constantFrom("a0", "a1", "Zz"))
    .map(([toColumnId, rank]): TaskCommand => ({ type: "MoveTask", taskId, toColumnId, rank, board })),
  fc.constant<TaskCommand>({ type: "ArchiveTask", taskId }),
  fc.constant<TaskCommand>({ type: "RestoreTask", taskId }),
);

describe("taskChanges", () => {
  it("lists every field of a new task with before null", () => {
    const [event] = taskDecider.decide(create, initialTaskState());
    const created = evolveTask(initialTaskState(), event!);
    const changes = taskChanges(initialTaskState(), created, event!);
    expect(changes.map((c) => c.field)).toEqual([...taskFields]);
    expect(changes.find((c) => c.field === "title")).toEqual({ field: "title", before: null, after: "Plan" });
  });

  it("lists only what an event touched, before → after, and a new comment as added", () => {
    const created = run(initialTaskState(), [create]);
    const [labelled] = taskDecider.decide({ type: "AddLabel", taskId, label: "bug" }, created);
    const edited = evolveTask(created, labelled!);
    expect(taskChanges(created, edited, labelled!)).toEqual([{ field: "labels", before: ["docs"], after: ["docs", "bug"] }]);
    const commentId = "00000000-0000-4000-8000-0000000000e1";
    const [comment] = taskDecider.decide({ type: "CommentOnTask", taskId, commentId, body: "Hi" }, edited);
    const commented = evolveTask(edited, comment!);
    expect(commented.commentCount).toBe(1);
    expect(taskChanges(edited, commented, comment!)).toEqual([{ field: "comment", before: null, after: { commentId, body: "Hi" } }]);
  });
});

describe("commandsToRevert", () => {
  it("brings every field back with the domain's own commands, whatever happened since", () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), fc.array(command, { minLength: 1, maxLength: 12 }), (before, after) => {
        const target = run(initialTaskState(), [create, ...before]);
        const current = run(target, after);
        const reverted = run(current, [...commandsToRevert(taskId, current, target, board, { overrideWipLimit: false })]);
        expect(fields(reverted)).toEqual(fields(target));
      }),
    );
  });

  it("restores an archived task before editing it and archives it again when it was archived then", () => {
    const target = run(initialTaskState(), [create, { type: "ArchiveTask", taskId }]);
    const current = run(target, [{ type: "RestoreTask", taskId }, { type: "RenameTask", taskId, title: "Renamed" }, { type: "ArchiveTask", taskId }]);
    expect(commandsToRevert(taskId, current, target, board, { overrideWipLimit: false }).map((c) => c.type)).toEqual([
      "RestoreTask",
      "RenameTask",
      "ArchiveTask",
    ]);
  });

  it("asks for nothing when the task already is as it was", () => {
    const state = run(initialTaskState(), [create]);
    expect(commandsToRevert(taskId, state, state, board, { overrideWipLimit: false })).toEqual([]);
  });

  it("refuses to go back before the task existed", () => {
    const current = run(initialTaskState(), [create]);
    expect(() => commandsToRevert(taskId, current, initialTaskState(), board, { overrideWipLimit: false })).toThrow(
      new DomainError("The task did not exist yet at that time; archive it instead"),
    );
  });
});
