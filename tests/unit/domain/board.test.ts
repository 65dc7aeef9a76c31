import { describe, expect, it } from "vitest";
import { type Board, boardContext, type BoardEventInput, columnTasks, decideTask, emptyBoard, evolveBoard, evolveTask, initialTaskState, type ProjectEvent, type TaskEvent } from "../../../server/domain";

const projectId = "00000000-0000-4000-8000-000000000001";
const otherProjectId = "00000000-0000-4000-8000-000000000002";
const todo = "00000000-0000-4000-8000-0000000000c1";
const doing = "00000000-0000-4000-8000-0000000000c2";
const task1 = "00000000-0000-4000-8000-0000000000a1";
const task2 = "00000000-0000-4000-8000-0000000000a2";
const task3 = "00000000-0000-4000-8000-0000000000a3";
const comment1 = "00000000-0000-4000-8000-0000000000e1";
const comment2 = "00000000-0000-4000-8000-0000000000e2";

const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute));

/** Events in stored order, each stamped one minute after the last. */
function fold(events: [aggregateId: string, userId: string, event: ProjectEvent | TaskEvent][], start: Board = emptyBoard) {
  return events.reduce(
    (board, [aggregateId, userId, event], i) =>
      evolveBoard(board, { ...event, aggregateId, userId, timestamp: at(i) } as BoardEventInput),
    start,
  );
}

const taskCreated = (columnId: string, rank: string, title: string): TaskEvent => ({
  type: "TaskCreated",
  data: { projectId, columnId, rank, title, description: "", priority: "none", assigneeId: null, labels: [], dueDate: null },
});

const project: [string, string, ProjectEvent][] = [
  [projectId, "alice", { type: "ProjectCreated", data: { name: "Launch", ownerId: "alice" } }],
  [projectId, "alice", { type: "MemberAdded", data: { userId: "alice", role: "owner" } }],
  [projectId, "alice", { type: "ColumnAdded", data: { columnId: todo, name: "To do", wipLimit: null } }],
  [projectId, "alice", { type: "ColumnAdded", data: { columnId: doing, name: "Doing", wipLimit: 2 } }],
  [projectId, "alice", { type: "MemberAdded", data: { userId: "bob", role: "member" } }],
];

describe("evolveBoard", () => {
  it("leaves the board as it was on an operator's dead-letter decision", () => {
    const board = fold(project);
    const decision = { projector: "task_list", eventId: task1, reason: "fixed" };
    expect(fold([[projectId, "alice", { type: "DeadLetterRetried", data: decision }]], board)).toEqual(board);
    expect(fold([[projectId, "alice", { type: "DeadLetterSkipped", data: decision }]], board)).toEqual(board);
  });

  it("starts empty", () => {
    expect(emptyBoard).toEqual({ project: { id: "", name: "", ownerId: "", exists: false }, members: {}, columns: [], labelColours: {}, tasks: {} });
  });

  it("folds project events into the project, its members and its ordered columns", () => {
    const board = fold([
      ...project,
      [projectId, "alice", { type: "ProjectRenamed", data: { name: "Relaunch" } }],
      [projectId, "alice", { type: "ColumnMoved", data: { columnId: doing, toIndex: 0 } }],
    ]);
    expect(board).toEqual({
      project: { id: projectId, name: "Relaunch", ownerId: "alice", exists: true },
      members: { alice: "owner", bob: "member" },
      columns: [
        { id: doing, name: "Doing", wipLimit: 2 },
        { id: todo, name: "To do", wipLimit: null },
      ],
      labelColours: {},
      tasks: {},
    });
  });

  it("folds a task's events into the same state the task aggregate has, with a comment count, id and times", () => {
    const taskEvents: TaskEvent[] = [
      taskCreated(todo, "a0", "Write the spec"),
      { type: "TaskCommented", data: { commentId: comment1, body: "First" } },
      { type: "TaskMoved", data: { fromColumnId: todo, toColumnId: doing, rank: "a1", wipLimitOverridden: false } },
      { type: "TaskCommented", data: { commentId: comment2, body: "Second" } },
      { type: "TaskLabelAdded", data: { label: "docs" } },
    ];
    const authors = ["alice", "bob", "alice", "alice", "bob"];
    const board = fold([...project, ...taskEvents.map((event, i): [string, string, TaskEvent] => [task1, authors[i] ?? "", event])]);

    const state = taskEvents.reduce(evolveTask, initialTaskState());
    expect(board.tasks).toEqual({
      [task1]: {
        ...state,
        id: task1,
        createdAt: at(5),
        updatedAt: at(9),
        // The author of the last event (the label).
        updatedBy: "bob",
      },
    });
  });

  it("ignores events of another project and of tasks it has not seen created", () => {
    const board = fold(project);
    const after = fold(
      [
        [otherProjectId, "eve", { type: "ProjectRenamed", data: { name: "Hijacked" } }],
        [task2, "eve", { type: "TaskCreated", data: { ...taskCreated(todo, "a0", "Elsewhere").data, projectId: otherProjectId } } as TaskEvent],
        [task3, "eve", { type: "TaskRenamed", data: { title: "Never created" } }],
      ],
      board,
    );
    expect(after).toEqual(board);
  });

  it("does not change the board it is given", () => {
    const board = fold(project);
    const snapshot = structuredClone(board);
    fold([[task1, "alice", taskCreated(todo, "a0", "Write the spec")]], board);
    expect(board).toEqual(snapshot);
    expect(emptyBoard.tasks).toEqual({});
  });
});

describe("boardContext", () => {
  it("counts the live tasks in each column and lists the members", () => {
    const board = fold([
      ...project,
      [task1, "alice", taskCreated(doing, "a0", "One")],
      [task2, "alice", taskCreated(doing, "a1", "Two")],
      [task3, "alice", taskCreated(doing, "a2", "Three")],
      [task3, "alice", { type: "TaskArchived", data: {} }],
    ]);
    expect(boardContext(board)).toEqual({
      columns: [
        { id: todo, name: "To do", wipLimit: null, taskCount: 0 },
        { id: doing, name: "Doing", wipLimit: 2, taskCount: 2 },
      ],
      memberIds: ["alice", "bob"],
    });
  });

  it("gives task commands what they need to enforce WIP limits", () => {
    const board = fold([
      ...project,
      [task1, "alice", taskCreated(doing, "a0", "One")],
      [task2, "alice", taskCreated(doing, "a1", "Two")],
    ]);
    expect(() =>
      decideTask(
        { type: "CreateTask", taskId: task3, projectId, columnId: doing, rank: "a2", title: "Three", board: boardContext(board) },
        initialTaskState(),
      ),
    ).toThrow('Column "Doing" has reached its WIP limit of 2; finish or move a task first');
  });
});

describe("columnTasks", () => {
  const task4 = "00000000-0000-4000-8000-0000000000a4";
  const task5 = "00000000-0000-4000-8000-0000000000a5";
  const board = fold([
    ...project,
    [task3, "alice", taskCreated(todo, "a1", "Three")],
    [task2, "alice", taskCreated(todo, "a1", "Two")],
    // "Zz" sorts before "a1" in code-unit order, though localeCompare would put it last.
    [task1, "alice", taskCreated(todo, "Zz", "One")],
    [task4, "alice", taskCreated(doing, "a0", "Elsewhere")],
    [task5, "alice", taskCreated(todo, "a0", "Archived")],
    [task5, "alice", { type: "TaskArchived", data: {} }],
  ]);
  const titles = (tasks: { title: string }[]) => tasks.map((task) => task.title);

  it("lists a column's live tasks by rank in code-unit order, then by id", () => {
    expect(titles(columnTasks(board, todo))).toEqual(["One", "Two", "Three"]);
  });

  it("includes archived tasks when asked", () => {
    expect(titles(columnTasks(board, todo, { includeArchived: true }))).toEqual(["One", "Archived", "Two", "Three"]);
  });

  it("follows tasks that move between columns", () => {
    const moved = fold(
      [[task4, "alice", { type: "TaskMoved", data: { fromColumnId: doing, toColumnId: todo, rank: "a2", wipLimitOverridden: false } }]],
      board,
    );
    expect(titles(columnTasks(moved, todo))).toEqual(["One", "Two", "Three", "Elsewhere"]);
    expect(columnTasks(moved, doing)).toEqual([]);
  });
});
