import { describe, expect, it } from "vitest";
import { type BoardContext, evolveTask, initialTaskState, type TaskCommand, taskDecider, type TaskEvent } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(taskDecider).given;

const taskId = "00000000-0000-4000-8000-0000000000a1";
const projectId = "00000000-0000-4000-8000-000000000001";
const todo = "00000000-0000-4000-8000-0000000000c1";
const doing = "00000000-0000-4000-8000-0000000000c2";
const done = "00000000-0000-4000-8000-0000000000c3";
const unknownColumn = "00000000-0000-4000-8000-0000000000ff";
const commentId = "00000000-0000-4000-8000-0000000000e1";

/** To do holds this task; Doing is at its limit of 2; Done has room under its limit of 5. */
const board: BoardContext = {
  columns: [
    { id: todo, name: "To do", wipLimit: null, taskCount: 1 },
    { id: doing, name: "Doing", wipLimit: 2, taskCount: 2 },
    { id: done, name: "Done", wipLimit: 5, taskCount: 4 },
  ],
  memberIds: ["alice", "bob"],
};

const created: TaskEvent = {
  type: "TaskCreated",
  data: {
    projectId,
    columnId: todo,
    rank: "a0",
    title: "Write the spec",
    description: "",
    priority: "none",
    assigneeId: null,
    labels: [],
    dueDate: null,
  },
};
const archived: TaskEvent[] = [created, { type: "TaskArchived", data: {} }];

describe("CreateTask", () => {
  const create = {
    type: "CreateTask",
    taskId,
    projectId,
    columnId: todo,
    rank: "a0",
    title: "  Write the spec ",
    board,
  } satisfies TaskCommand;

  it("creates a task with defaults for the optional fields", () => given([]).when(create).then([created]));

  it("creates a task with every field, dropping repeated labels", () =>
    given([])
      .when({
        ...create,
        description: "All commands",
        priority: "high",
        assigneeId: "bob",
        labels: ["docs", " docs ", "urgent"],
        dueDate: "2030-01-31",
      })
      .then([
        {
          type: "TaskCreated",
          data: {
            ...created.data,
            description: "All commands",
            priority: "high",
            assigneeId: "bob",
            labels: ["docs", "urgent"],
            dueDate: "2030-01-31",
          },
        },
      ]));

  it("refuses a task that already exists", () => given([created]).when(create).thenThrows("This task already exists"));

  it("refuses a column that is not on the board", () =>
    given([])
      .when({ ...create, columnId: unknownColumn })
      .thenThrows("This column does not exist on the board"));

  it("refuses a column at its WIP limit", () =>
    given([])
      .when({ ...create, columnId: doing })
      .thenThrows('Column "Doing" has reached its WIP limit of 2; finish or move a task first'));

  it("accepts a column under its WIP limit", () =>
    given([])
      .when({ ...create, columnId: done })
      .then([{ type: "TaskCreated", data: { ...created.data, columnId: done } }]));

  it("refuses an assignee who is not a project member", () =>
    given([])
      .when({ ...create, assigneeId: "mallory" })
      .thenThrows("Only members of this project can be assigned tasks"));

  it("refuses an empty title", () =>
    given([])
      .when({ ...create, title: "   " })
      .thenThrows("Title cannot be empty"));

  it("refuses a title over 200 characters", () =>
    given([])
      .when({ ...create, title: "x".repeat(201) })
      .thenThrows("Title is longer than 200 characters"));

  it("accepts a title of exactly 200 characters", () =>
    given([])
      .when({ ...create, title: "x".repeat(200) })
      .then([{ type: "TaskCreated", data: { ...created.data, title: "x".repeat(200) } }]));

  it("refuses a due date that is not a real date", () =>
    given([])
      .when({ ...create, dueDate: "2030-02-30" })
      .thenThrows("Due date must be a date like 2030-01-31"));

  it("refuses an unknown priority", () =>
    given([])
      .when({ ...create, priority: "asap" } as unknown as TaskCommand)
      .thenThrows("Priority must be one of: none, low, medium, high, urgent"));

  it("refuses more than 20 labels", () =>
    given([])
      .when({ ...create, labels: Array.from({ length: 21 }, (_, i) => `label ${i}`) })
      .thenThrows("Labels can have at most 20 entries"));

  it("refuses an empty label", () =>
    given([])
      .when({ ...create, labels: [" "] })
      .thenThrows("Label cannot be empty"));

  it("refuses a command without board context", () =>
    given([])
      .when({ ...create, board: undefined } as unknown as TaskCommand)
      .thenThrows("Board is required"));
});

const everyOtherCommand: TaskCommand[] = [
  { type: "RenameTask", taskId, title: "Renamed" },
  { type: "ChangeDescription", taskId, description: "More detail" },
  { type: "MoveTask", taskId, toColumnId: done, rank: "a1", board },
  { type: "AssignTask", taskId, assigneeId: "bob", board },
  { type: "UnassignTask", taskId },
  { type: "ChangePriority", taskId, priority: "low" },
  { type: "SetDueDate", taskId, dueDate: "2030-01-31" },
  { type: "ClearDueDate", taskId },
  { type: "AddLabel", taskId, label: "docs" },
  { type: "RemoveLabel", taskId, label: "docs" },
  { type: "CommentOnTask", taskId, commentId, body: "Looks good" },
  { type: "ArchiveTask", taskId },
  { type: "RestoreTask", taskId },
];

describe("commands on a task that does not exist", () => {
  it.each(everyOtherCommand)("refuses $type", (command) =>
    given([]).when(command).thenThrows("This task does not exist"));
});

describe("commands on an archived task", () => {
  const edits = everyOtherCommand.filter(
    (command) => !["CommentOnTask", "ArchiveTask", "RestoreTask"].includes(command.type),
  );
  it.each(edits)("refuses $type", (command) =>
    given(archived).when(command).thenThrows("This task is archived; restore it before changing it"));

  it("refuses CommentOnTask", () =>
    given(archived)
      .when({ type: "CommentOnTask", taskId, commentId, body: "Still relevant?" })
      .thenThrows("This task is archived; restore it before commenting on it"));

  it("refuses edits that would change nothing too", () =>
    given(archived)
      .when({ type: "RenameTask", taskId, title: "Write the spec" })
      .thenThrows("This task is archived; restore it before changing it"));
});

describe("RenameTask", () => {
  it("renames the task", () =>
    given([created])
      .when({ type: "RenameTask", taskId, title: " Write the tests " })
      .then([{ type: "TaskRenamed", data: { title: "Write the tests" } }]));

  it("does nothing when the title is unchanged", () =>
    given([created]).when({ type: "RenameTask", taskId, title: "Write the spec  " }).then([]));

  it("refuses an empty title", () =>
    given([created])
      .when({ type: "RenameTask", taskId, title: "" })
      .thenThrows("Title cannot be empty"));

  it("refuses a title over 200 characters", () =>
    given([created])
      .when({ type: "RenameTask", taskId, title: "x".repeat(201) })
      .thenThrows("Title is longer than 200 characters"));
});

describe("ChangeDescription", () => {
  it("changes the description", () =>
    given([created])
      .when({ type: "ChangeDescription", taskId, description: "Cover every command" })
      .then([{ type: "TaskDescriptionChanged", data: { description: "Cover every command" } }]));

  it("does nothing when the description is unchanged", () =>
    given([created]).when({ type: "ChangeDescription", taskId, description: "" }).then([]));

  it("refuses a description over 20,000 characters", () =>
    given([created])
      .when({ type: "ChangeDescription", taskId, description: "x".repeat(20_001) })
      .thenThrows("Description is longer than 20,000 characters"));
});

describe("MoveTask", () => {
  const move = { type: "MoveTask", taskId, toColumnId: done, rank: "a1", board } satisfies TaskCommand;

  it("moves the task to another column", () =>
    given([created])
      .when(move)
      .then([{ type: "TaskMoved", data: { fromColumnId: todo, toColumnId: done, rank: "a1", wipLimitOverridden: false } }]));

  it("reorders the task within its column", () =>
    given([created])
      .when({ ...move, toColumnId: todo })
      .then([{ type: "TaskMoved", data: { fromColumnId: todo, toColumnId: todo, rank: "a1", wipLimitOverridden: false } }]));

  it("does nothing when the column and rank are unchanged", () =>
    given([created])
      .when({ ...move, toColumnId: todo, rank: "a0" })
      .then([]));

  it("moves from where an earlier move left the task", () =>
    given([created, { type: "TaskMoved", data: { fromColumnId: todo, toColumnId: done, rank: "a1", wipLimitOverridden: false } }])
      .when({ ...move, toColumnId: todo, rank: "Zz" })
      .then([{ type: "TaskMoved", data: { fromColumnId: done, toColumnId: todo, rank: "Zz", wipLimitOverridden: false } }]));

  it("refuses a column that is not on the board", () =>
    given([created])
      .when({ ...move, toColumnId: unknownColumn })
      .thenThrows("This column does not exist on the board"));

  it("refuses a column at its WIP limit", () =>
    given([created])
      .when({ ...move, toColumnId: doing })
      .thenThrows('Column "Doing" has reached its WIP limit of 2; override the limit to move the task there anyway'));

  it("moves into a full column when told to override the limit, and records that", () =>
    given([created])
      .when({ ...move, toColumnId: doing, overrideWipLimit: true })
      .then([{ type: "TaskMoved", data: { fromColumnId: todo, toColumnId: doing, rank: "a1", wipLimitOverridden: true } }]));

  it("records no override when the column had room anyway", () =>
    given([created])
      .when({ ...move, overrideWipLimit: true })
      .then([{ type: "TaskMoved", data: { fromColumnId: todo, toColumnId: done, rank: "a1", wipLimitOverridden: false } }]));

  it("reorders within a column that is over its limit, since that adds no work", () =>
    given([created, { type: "TaskMoved", data: { fromColumnId: todo, toColumnId: doing, rank: "a1", wipLimitOverridden: true } }])
      .when({ ...move, toColumnId: doing, rank: "a2" })
      .then([{ type: "TaskMoved", data: { fromColumnId: doing, toColumnId: doing, rank: "a2", wipLimitOverridden: false } }]));

  it("refuses an empty rank", () =>
    given([created])
      .when({ ...move, rank: "" })
      .thenThrows("Rank is too short"));
});

describe("AssignTask", () => {
  const assigned: TaskEvent = { type: "TaskAssigned", data: { assigneeId: "bob" } };

  it("assigns a project member", () =>
    given([created]).when({ type: "AssignTask", taskId, assigneeId: "bob", board }).then([assigned]));

  it("reassigns to another member", () =>
    given([created, assigned])
      .when({ type: "AssignTask", taskId, assigneeId: "alice", board })
      .then([{ type: "TaskAssigned", data: { assigneeId: "alice" } }]));

  it("does nothing when the member is already assigned", () =>
    given([created, assigned]).when({ type: "AssignTask", taskId, assigneeId: "bob", board }).then([]));

  it("refuses someone who is not a project member", () =>
    given([created])
      .when({ type: "AssignTask", taskId, assigneeId: "mallory", board })
      .thenThrows("Only members of this project can be assigned tasks"));
});

describe("UnassignTask", () => {
  it("removes the assignee", () =>
    given([created, { type: "TaskAssigned", data: { assigneeId: "bob" } }])
      .when({ type: "UnassignTask", taskId })
      .then([{ type: "TaskUnassigned", data: {} }]));

  it("does nothing when nobody is assigned", () =>
    given([created]).when({ type: "UnassignTask", taskId }).then([]));
});

describe("ChangePriority", () => {
  it("changes the priority", () =>
    given([created])
      .when({ type: "ChangePriority", taskId, priority: "urgent" })
      .then([{ type: "TaskPriorityChanged", data: { priority: "urgent" } }]));

  it("does nothing when the priority is unchanged", () =>
    given([created]).when({ type: "ChangePriority", taskId, priority: "none" }).then([]));

  it("refuses an unknown priority", () =>
    given([created])
      .when({ type: "ChangePriority", taskId, priority: "whenever" } as unknown as TaskCommand)
      .thenThrows("Priority must be one of: none, low, medium, high, urgent"));
});

describe("SetDueDate", () => {
  it("sets the due date", () =>
    given([created])
      .when({ type: "SetDueDate", taskId, dueDate: "2030-01-31" })
      .then([{ type: "TaskDueDateSet", data: { dueDate: "2030-01-31" } }]));

  it("does nothing when the due date is unchanged", () =>
    given([created, { type: "TaskDueDateSet", data: { dueDate: "2030-01-31" } }])
      .when({ type: "SetDueDate", taskId, dueDate: "2030-01-31" })
      .then([]));

  it("refuses something that is not a date", () =>
    given([created])
      .when({ type: "SetDueDate", taskId, dueDate: "next Friday" })
      .thenThrows("Due date must be a date like 2030-01-31"));
});

describe("ClearDueDate", () => {
  it("clears the due date", () =>
    given([created, { type: "TaskDueDateSet", data: { dueDate: "2030-01-31" } }])
      .when({ type: "ClearDueDate", taskId })
      .then([{ type: "TaskDueDateCleared", data: {} }]));

  it("does nothing when there is no due date", () =>
    given([created]).when({ type: "ClearDueDate", taskId }).then([]));
});

describe("AddLabel", () => {
  it("adds a label", () =>
    given([created])
      .when({ type: "AddLabel", taskId, label: " docs " })
      .then([{ type: "TaskLabelAdded", data: { label: "docs" } }]));

  it("does nothing when the label is already there", () =>
    given([created, { type: "TaskLabelAdded", data: { label: "docs" } }])
      .when({ type: "AddLabel", taskId, label: "docs" })
      .then([]));

  it("refuses a 21st label", () =>
    given([
      created,
      ...Array.from({ length: 20 }, (_, i): TaskEvent => ({ type: "TaskLabelAdded", data: { label: `label ${i}` } })),
    ])
      .when({ type: "AddLabel", taskId, label: "one more" })
      .thenThrows("A task can have at most 20 labels"));

  it("refuses an empty label", () =>
    given([created])
      .when({ type: "AddLabel", taskId, label: "  " })
      .thenThrows("Label cannot be empty"));

  it("refuses a label over 40 characters", () =>
    given([created])
      .when({ type: "AddLabel", taskId, label: "x".repeat(41) })
      .thenThrows("Label is longer than 40 characters"));
});

describe("RemoveLabel", () => {
  it("removes a label", () =>
    given([created, { type: "TaskLabelAdded", data: { label: "docs" } }])
      .when({ type: "RemoveLabel", taskId, label: "docs" })
      .then([{ type: "TaskLabelRemoved", data: { label: "docs" } }]));

  it("does nothing when the label is not there", () =>
    given([created]).when({ type: "RemoveLabel", taskId, label: "docs" }).then([]));
});

describe("CommentOnTask", () => {
  it("adds a comment", () =>
    given([created])
      .when({ type: "CommentOnTask", taskId, commentId, body: " Looks good " })
      .then([{ type: "TaskCommented", data: { commentId, body: "Looks good" } }]));

  it("refuses an empty comment", () =>
    given([created])
      .when({ type: "CommentOnTask", taskId, commentId, body: "\n" })
      .thenThrows("Comment cannot be empty"));
});

describe("ArchiveTask", () => {
  it("archives the task", () =>
    given([created]).when({ type: "ArchiveTask", taskId }).then([{ type: "TaskArchived", data: {} }]));

  it("does nothing when the task is already archived", () =>
    given(archived).when({ type: "ArchiveTask", taskId }).then([]));
});

describe("RestoreTask", () => {
  it("restores an archived task", () =>
    given(archived).when({ type: "RestoreTask", taskId }).then([{ type: "TaskRestored", data: {} }]));

  it("does nothing when the task is not archived", () =>
    given([created]).when({ type: "RestoreTask", taskId }).then([]));

  it("makes the task editable again", () =>
    given([...archived, { type: "TaskRestored", data: {} }])
      .when({ type: "RenameTask", taskId, title: "Back in play" })
      .then([{ type: "TaskRenamed", data: { title: "Back in play" } }]));
});

describe("evolveTask", () => {
  it("folds a task's history into its state", () => {
    const history: TaskEvent[] = [
      created,
      { type: "TaskRenamed", data: { title: "Write the tests" } },
      { type: "TaskDescriptionChanged", data: { description: "Every command" } },
      { type: "TaskMoved", data: { fromColumnId: todo, toColumnId: doing, rank: "a5", wipLimitOverridden: false } },
      { type: "TaskAssigned", data: { assigneeId: "bob" } },
      { type: "TaskPriorityChanged", data: { priority: "high" } },
      { type: "TaskDueDateSet", data: { dueDate: "2030-01-31" } },
      { type: "TaskLabelAdded", data: { label: "docs" } },
      { type: "TaskLabelAdded", data: { label: "tests" } },
      { type: "TaskLabelRemoved", data: { label: "docs" } },
      { type: "TaskCommented", data: { commentId, body: "On it" } },
      { type: "TaskArchived", data: {} },
    ];
    expect(history.reduce(evolveTask, initialTaskState())).toEqual({
      exists: true,
      projectId,
      columnId: doing,
      rank: "a5",
      title: "Write the tests",
      description: "Every command",
      priority: "high",
      assigneeId: "bob",
      labels: ["tests"],
      dueDate: "2030-01-31",
      archived: true,
      commentCount: 1,
      reviewerId: null,
      review: null,
    });
  });

  it("clears what unassigning, clearing the due date and restoring undo", () => {
    const history: TaskEvent[] = [
      created,
      { type: "TaskAssigned", data: { assigneeId: "bob" } },
      { type: "TaskDueDateSet", data: { dueDate: "2030-01-31" } },
      { type: "TaskArchived", data: {} },
      { type: "TaskUnassigned", data: {} },
      { type: "TaskDueDateCleared", data: {} },
      { type: "TaskRestored", data: {} },
    ];
    const state = history.reduce(evolveTask, initialTaskState());
    expect(state).toMatchObject({ assigneeId: null, dueDate: null, archived: false });
  });
});
