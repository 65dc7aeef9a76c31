import { describe, expect, it } from "vitest";
import { evolveProject, initialProjectState, type ProjectCommand, projectDecider, type ProjectEvent, type Role } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(projectDecider).given;

const projectId = "00000000-0000-4000-8000-000000000001";
const todo = "00000000-0000-4000-8000-0000000000c1";
const doing = "00000000-0000-4000-8000-0000000000c2";
const done = "00000000-0000-4000-8000-0000000000c3";
const unknownColumn = "00000000-0000-4000-8000-0000000000ff";

const created: ProjectEvent[] = [
  { type: "ProjectCreated", data: { name: "Launch", ownerId: "alice" } },
  { type: "MemberAdded", data: { userId: "alice", role: "owner" } },
  { type: "ColumnAdded", data: { columnId: todo, name: "To do", wipLimit: null } },
  { type: "ColumnAdded", data: { columnId: doing, name: "Doing", wipLimit: 3 } },
  { type: "ColumnAdded", data: { columnId: done, name: "Done", wipLimit: null } },
];

const exported = {
  format: "csv",
  from: "2026-01-01T00:00:00.000Z",
  to: null,
  eventCount: 3,
  firstPosition: 10,
  lastPosition: 14,
  hashBeforeRange: "0".repeat(64),
  lastHash: "ab".repeat(32),
} as const;

describe("CreateProject", () => {
  const create = {
    type: "CreateProject",
    projectId,
    name: "  Launch  ",
    ownerId: "alice",
    columns: [
      { columnId: todo, name: "To do" },
      { columnId: doing, name: "Doing", wipLimit: 3 },
      { columnId: done, name: "Done", wipLimit: null },
    ],
  } satisfies ProjectCommand;

  it("creates the project, makes the creator its owner and adds the chosen columns", () =>
    given([]).when(create).then(created));

  it("allows a project without columns", () =>
    given([])
      .when({ ...create, columns: [] })
      .then(created.slice(0, 2)));

  it("refuses a project that already exists", () =>
    given(created).when(create).thenThrows("This project already exists"));

  it("refuses two columns with the same id", () =>
    given([])
      .when({ ...create, columns: [{ columnId: todo, name: "To do" }, { columnId: todo, name: "Also to do" }] })
      .thenThrows("Each column needs its own id"));

  it("refuses an empty name", () =>
    given([])
      .when({ ...create, name: "   " })
      .thenThrows("Project name cannot be empty"));

  it("refuses a name over 100 characters", () =>
    given([])
      .when({ ...create, name: "x".repeat(101) })
      .thenThrows("Project name is longer than 100 characters"));

  it("refuses a command without an owner", () =>
    given([])
      .when({ ...create, ownerId: undefined } as unknown as ProjectCommand)
      .thenThrows("Owner id is required"));

  it("refuses a WIP limit below 1", () =>
    given([])
      .when({ ...create, columns: [{ columnId: todo, name: "To do", wipLimit: 0 }] })
      .thenThrows("WIP limit must be at least 1"));

  it("refuses a fractional WIP limit", () =>
    given([])
      .when({ ...create, columns: [{ columnId: todo, name: "To do", wipLimit: 2.5 }] })
      .thenThrows("WIP limit must be a whole number"));

  it("refuses a malformed column id", () =>
    given([])
      .when({ ...create, columns: [{ columnId: "c1", name: "To do" }] })
      .thenThrows("Column id is not valid"));
});

it("refuses a command of unknown type", () =>
  given([])
    .when({ type: "DeleteEverything", projectId } as unknown as ProjectCommand)
    .thenThrows("Type is invalid"));

describe("commands on a project that does not exist", () => {
  const commands: ProjectCommand[] = [
    { type: "RenameProject", projectId, name: "Launch" },
    { type: "AddMember", projectId, userId: "bob", role: "member" },
    { type: "AddColumn", projectId, columnId: todo, name: "To do" },
    { type: "RenameColumn", projectId, columnId: todo, name: "Backlog" },
    { type: "MoveColumn", projectId, columnId: todo, toIndex: 0 },
    { type: "RemoveColumn", projectId, columnId: todo, tasksInColumn: 0 },
    { type: "SetWipLimit", projectId, columnId: todo, wipLimit: 2 },
    { type: "RecordExport", projectId, ...exported },
  ];
  it.each(commands)("refuses $type", (command) =>
    given([]).when(command).thenThrows("This project does not exist"));
});

describe("RenameProject", () => {
  it("renames the project", () =>
    given(created)
      .when({ type: "RenameProject", projectId, name: " Relaunch " })
      .then([{ type: "ProjectRenamed", data: { name: "Relaunch" } }]));

  it("does nothing when the name is unchanged", () =>
    given(created).when({ type: "RenameProject", projectId, name: " Launch " }).then([]));

  it("refuses an empty name", () =>
    given(created)
      .when({ type: "RenameProject", projectId, name: "" })
      .thenThrows("Project name cannot be empty"));
});

describe("AddMember", () => {
  it("adds a member with a role", () =>
    given(created)
      .when({ type: "AddMember", projectId, userId: "bob", role: "viewer" })
      .then([{ type: "MemberAdded", data: { userId: "bob", role: "viewer" } }]));

  it("does nothing when the user already has that role", () =>
    given([...created, { type: "MemberAdded", data: { userId: "bob", role: "viewer" } }])
      .when({ type: "AddMember", projectId, userId: "bob", role: "viewer" })
      .then([]));

  it("refuses a user who is already a member with another role", () =>
    given([...created, { type: "MemberAdded", data: { userId: "bob", role: "viewer" } }])
      .when({ type: "AddMember", projectId, userId: "bob", role: "admin" })
      .thenThrows("This user is already a member of the project, as viewer"));

  it("refuses to add someone as owner straight away", () =>
    given(created)
      .when({ type: "AddMember", projectId, userId: "bob", role: "owner" })
      .thenThrows("Add the person with another role first, then make them an owner"));

  it("refuses an unknown role", () =>
    given(created)
      .when({ type: "AddMember", projectId, userId: "bob", role: "boss" } as unknown as ProjectCommand)
      .thenThrows("Role must be one of: owner, admin, member, viewer, auditor"));
});

describe("ChangeMemberRole", () => {
  const team: ProjectEvent[] = [
    ...created,
    { type: "MemberAdded", data: { userId: "bob", role: "admin" } },
    { type: "MemberAdded", data: { userId: "carol", role: "member" } },
    { type: "MemberAdded", data: { userId: "dan", role: "viewer" } },
  ];
  const change = (actorId: string, userId: string, role: Role) => ({ type: "ChangeMemberRole" as const, projectId, actorId, userId, role });

  it("lets an admin change a member's role, recording the role before", () =>
    given(team)
      .when(change("bob", "carol", "auditor"))
      .then([{ type: "MemberRoleChanged", data: { userId: "carol", previousRole: "member", role: "auditor" } }]));

  it("lets an owner make a member an owner", () =>
    given(team)
      .when(change("alice", "carol", "owner"))
      .then([{ type: "MemberRoleChanged", data: { userId: "carol", previousRole: "member", role: "owner" } }]));

  it("does nothing when the member already has that role", () => given(team).when(change("bob", "carol", "member")).then([]));

  it("refuses an admin granting the owner role", () =>
    given(team).when(change("bob", "carol", "owner")).thenThrows("Only an owner can grant or take away the owner role"));

  it("refuses an admin demoting an owner", () =>
    given(team).when(change("bob", "alice", "admin")).thenThrows("Only an owner can grant or take away the owner role"));

  it("refuses a member, viewer or non-member managing members", () => {
    given(team).when(change("carol", "dan", "member")).thenThrows("Only owners and admins can manage members");
    given(team).when(change("dan", "carol", "viewer")).thenThrows("Only owners and admins can manage members");
    given(team).when(change("mallory", "carol", "viewer")).thenThrows("Only owners and admins can manage members");
  });

  it("refuses to demote the last owner, even by themselves", () =>
    given(team)
      .when(change("alice", "alice", "admin"))
      .thenThrows("A project needs at least one owner: make someone else an owner first"));

  it("lets an owner step down once there is another owner", () =>
    given([...team, { type: "MemberRoleChanged", data: { userId: "bob", previousRole: "admin", role: "owner" } }])
      .when(change("alice", "alice", "member"))
      .then([{ type: "MemberRoleChanged", data: { userId: "alice", previousRole: "owner", role: "member" } }]));

  it("refuses a user who is not a member", () =>
    given(team).when(change("alice", "erin", "viewer")).thenThrows("This user is not a member of the project"));

  it("refuses a user who was removed", () =>
    given([...team, { type: "MemberRemoved", data: { userId: "carol", role: "member" } }])
      .when(change("alice", "carol", "viewer"))
      .thenThrows("This user is not a member of the project"));
});

describe("RemoveMember", () => {
  const team: ProjectEvent[] = [
    ...created,
    { type: "MemberAdded", data: { userId: "bob", role: "admin" } },
    { type: "MemberAdded", data: { userId: "carol", role: "member" } },
  ];
  const remove = (actorId: string, userId: string) => ({ type: "RemoveMember" as const, projectId, actorId, userId });

  it("lets an admin remove a member, recording the role they had", () =>
    given(team).when(remove("bob", "carol")).then([{ type: "MemberRemoved", data: { userId: "carol", role: "member" } }]));

  it("refuses an admin removing an owner", () =>
    given(team).when(remove("bob", "alice")).thenThrows("Only an owner can grant or take away the owner role"));

  it("refuses a member removing someone", () =>
    given(team).when(remove("carol", "bob")).thenThrows("Only owners and admins can manage members"));

  it("refuses to remove the last owner", () =>
    given(team).when(remove("alice", "alice")).thenThrows("A project needs at least one owner: make someone else an owner first"));

  it("lets an owner remove another owner", () =>
    given([...team, { type: "MemberRoleChanged", data: { userId: "bob", previousRole: "admin", role: "owner" } }])
      .when(remove("alice", "bob"))
      .then([{ type: "MemberRemoved", data: { userId: "bob", role: "owner" } }]));

  it("refuses someone who is not a member", () =>
    given(team).when(remove("alice", "erin")).thenThrows("This user is not a member of the project"));

  it("lets a removed member be added again", () =>
    given([...team, { type: "MemberRemoved", data: { userId: "carol", role: "member" } }])
      .when({ type: "AddMember", projectId, userId: "carol", role: "viewer" })
      .then([{ type: "MemberAdded", data: { userId: "carol", role: "viewer" } }]));
});

describe("AddColumn", () => {
  const review = "00000000-0000-4000-8000-0000000000c4";

  it("adds a column without a WIP limit by default", () =>
    given(created)
      .when({ type: "AddColumn", projectId, columnId: review, name: "Review" })
      .then([{ type: "ColumnAdded", data: { columnId: review, name: "Review", wipLimit: null } }]));

  it("adds a column with a WIP limit", () =>
    given(created)
      .when({ type: "AddColumn", projectId, columnId: review, name: "Review", wipLimit: 2 })
      .then([{ type: "ColumnAdded", data: { columnId: review, name: "Review", wipLimit: 2 } }]));

  it("refuses a column id that is already on the board", () =>
    given(created)
      .when({ type: "AddColumn", projectId, columnId: doing, name: "Review" })
      .thenThrows("This column already exists"));

  it("refuses a name over 60 characters", () =>
    given(created)
      .when({ type: "AddColumn", projectId, columnId: review, name: "x".repeat(61) })
      .thenThrows("Column name is longer than 60 characters"));
});

describe("RenameColumn", () => {
  it("renames a column", () =>
    given(created)
      .when({ type: "RenameColumn", projectId, columnId: todo, name: "Backlog" })
      .then([{ type: "ColumnRenamed", data: { columnId: todo, name: "Backlog" } }]));

  it("does nothing when the name is unchanged", () =>
    given(created).when({ type: "RenameColumn", projectId, columnId: todo, name: "To do " }).then([]));

  it("refuses a column that is not on the board", () =>
    given(created)
      .when({ type: "RenameColumn", projectId, columnId: unknownColumn, name: "Backlog" })
      .thenThrows("This column does not exist on the board"));

  it("refuses an empty name", () =>
    given(created)
      .when({ type: "RenameColumn", projectId, columnId: todo, name: " " })
      .thenThrows("Column name cannot be empty"));
});

describe("MoveColumn", () => {
  it("moves a column", () =>
    given(created)
      .when({ type: "MoveColumn", projectId, columnId: done, toIndex: 0 })
      .then([{ type: "ColumnMoved", data: { columnId: done, toIndex: 0 } }]));

  it("does nothing when the column is already there", () =>
    given(created).when({ type: "MoveColumn", projectId, columnId: doing, toIndex: 1 }).then([]));

  it("sees where earlier moves put the column", () =>
    given([...created, { type: "ColumnMoved", data: { columnId: done, toIndex: 0 } }])
      .when({ type: "MoveColumn", projectId, columnId: done, toIndex: 0 })
      .then([]));

  it("refuses a position past the last column", () =>
    given(created)
      .when({ type: "MoveColumn", projectId, columnId: todo, toIndex: 3 })
      .thenThrows("Cannot move the column to position 4: the board has 3 columns"));

  it("names a single column in the singular", () =>
    given(created.slice(0, 3))
      .when({ type: "MoveColumn", projectId, columnId: todo, toIndex: 1 })
      .thenThrows("Cannot move the column to position 2: the board has 1 column"));

  it("refuses a negative position", () =>
    given(created)
      .when({ type: "MoveColumn", projectId, columnId: todo, toIndex: -1 })
      .thenThrows("Column position must be at least 0"));

  it("refuses a column that is not on the board", () =>
    given(created)
      .when({ type: "MoveColumn", projectId, columnId: unknownColumn, toIndex: 0 })
      .thenThrows("This column does not exist on the board"));
});

describe("RemoveColumn", () => {
  it("removes an empty column", () =>
    given(created)
      .when({ type: "RemoveColumn", projectId, columnId: doing, tasksInColumn: 0 })
      .then([{ type: "ColumnRemoved", data: { columnId: doing } }]));

  it("refuses a column that still holds tasks", () =>
    given(created)
      .when({ type: "RemoveColumn", projectId, columnId: doing, tasksInColumn: 2 })
      .thenThrows(
        'Column "Doing" still holds 2 tasks (archived tasks count too); move them to another column before removing it',
      ));

  it("names a single task in the singular", () =>
    given(created)
      .when({ type: "RemoveColumn", projectId, columnId: doing, tasksInColumn: 1 })
      .thenThrows(/still holds 1 task \(/));

  it("refuses a column that was already removed", () =>
    given([...created, { type: "ColumnRemoved", data: { columnId: doing } }])
      .when({ type: "RemoveColumn", projectId, columnId: doing, tasksInColumn: 0 })
      .thenThrows("This column does not exist on the board"));

  it("refuses a negative task count", () =>
    given(created)
      .when({ type: "RemoveColumn", projectId, columnId: doing, tasksInColumn: -1 })
      .thenThrows("Number of tasks in the column must be at least 0"));
});

describe("SetWipLimit", () => {
  it("sets a limit", () =>
    given(created)
      .when({ type: "SetWipLimit", projectId, columnId: todo, wipLimit: 5 })
      .then([{ type: "WipLimitSet", data: { columnId: todo, wipLimit: 5 } }]));

  it("removes a limit with null", () =>
    given(created)
      .when({ type: "SetWipLimit", projectId, columnId: doing, wipLimit: null })
      .then([{ type: "WipLimitSet", data: { columnId: doing, wipLimit: null } }]));

  it("does nothing when the limit is unchanged", () =>
    given(created).when({ type: "SetWipLimit", projectId, columnId: doing, wipLimit: 3 }).then([]));

  it("refuses a limit over 999", () =>
    given(created)
      .when({ type: "SetWipLimit", projectId, columnId: doing, wipLimit: 1000 })
      .thenThrows("WIP limit must be at most 999"));

  it("refuses a column that is not on the board", () =>
    given(created)
      .when({ type: "SetWipLimit", projectId, columnId: unknownColumn, wipLimit: 2 })
      .thenThrows("This column does not exist on the board"));
});

describe("RecordExport", () => {
  it("records who exported which part of the chain", () =>
    given(created)
      .when({ type: "RecordExport", projectId, ...exported })
      .then([{ type: "ExportGenerated", data: exported }]));

  it("records an export of an empty range", () => {
    const empty = { ...exported, eventCount: 0, firstPosition: null, lastPosition: null, lastHash: exported.hashBeforeRange };
    return given(created).when({ type: "RecordExport", projectId, ...empty }).then([{ type: "ExportGenerated", data: empty }]);
  });

  it("refuses a malformed hash", () =>
    given(created)
      .when({ type: "RecordExport", projectId, ...exported, lastHash: "ABC" })
      .thenThrows("Not a SHA-256 in lowercase hex"));

  it("leaves the project as it was", () => {
    const before = created.reduce(evolveProject, initialProjectState());
    expect(evolveProject(before, { type: "ExportGenerated", data: exported })).toBe(before);
  });
});

describe("RetryDeadLetter and SkipDeadLetter", () => {
  const parked = { projector: "task_list", eventId: "00000000-0000-4000-8000-0000000000d1" };

  it("records a retry with the operator's reason", () =>
    given(created)
      .when({ type: "RetryDeadLetter", projectId, ...parked, reason: "  fixed the handler  " })
      .then([{ type: "DeadLetterRetried", data: { ...parked, reason: "fixed the handler" } }]));

  it("records a skip with the operator's reason", () =>
    given(created)
      .when({ type: "SkipDeadLetter", projectId, ...parked, reason: "duplicate import" })
      .then([{ type: "DeadLetterSkipped", data: { ...parked, reason: "duplicate import" } }]));

  it("refuses a decision without a reason", () =>
    given(created).when({ type: "SkipDeadLetter", projectId, ...parked, reason: " " }).thenThrows("Give a reason"));

  it("refuses a malformed projector name", () =>
    given(created)
      .when({ type: "RetryDeadLetter", projectId, ...parked, projector: "Task List; DROP", reason: "fixed" })
      .thenThrows("Not a projector name"));

  it("refuses a decision on a project that does not exist", () =>
    given([]).when({ type: "RetryDeadLetter", projectId, ...parked, reason: "fixed" }).thenThrows("This project does not exist"));

  it("leaves the project as it was", () => {
    const before = created.reduce(evolveProject, initialProjectState());
    expect(evolveProject(before, { type: "DeadLetterRetried", data: { ...parked, reason: "fixed" } })).toBe(before);
    expect(evolveProject(before, { type: "DeadLetterSkipped", data: { ...parked, reason: "fixed" } })).toBe(before);
  });
});

describe("evolveProject", () => {
  it("folds a project's history into its state", () => {
    const history: ProjectEvent[] = [
      ...created,
      { type: "ProjectRenamed", data: { name: "Relaunch" } },
      { type: "MemberAdded", data: { userId: "bob", role: "member" } },
      { type: "MemberAdded", data: { userId: "carol", role: "member" } },
      { type: "MemberRoleChanged", data: { userId: "bob", previousRole: "member", role: "admin" } },
      { type: "MemberRemoved", data: { userId: "carol", role: "member" } },
      { type: "ColumnMoved", data: { columnId: done, toIndex: 0 } },
      { type: "ColumnRenamed", data: { columnId: todo, name: "Backlog" } },
      { type: "WipLimitSet", data: { columnId: todo, wipLimit: 8 } },
      { type: "ColumnRemoved", data: { columnId: doing } },
    ];
    expect(history.reduce(evolveProject, initialProjectState())).toEqual({
      exists: true,
      name: "Relaunch",
      ownerId: "alice",
      members: { alice: "owner", bob: "admin" },
      columns: [
        { id: done, name: "Done", wipLimit: null },
        { id: todo, name: "Backlog", wipLimit: 8 },
      ],
      rules: [],
      labelColours: {},
      reviewSaga: null,
    });
  });

  it("moves a column towards the end", () => {
    const state = [...created, { type: "ColumnMoved", data: { columnId: todo, toIndex: 2 } } as const].reduce(
      evolveProject,
      initialProjectState(),
    );
    expect(state.columns.map((column) => column.id)).toEqual([doing, done, todo]);
  });
});
