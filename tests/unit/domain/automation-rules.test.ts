import { describe, expect, it } from "vitest";
import { evolveProject, initialProjectState, projectDecider, type ProjectEvent } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(projectDecider).given;

const projectId = "00000000-0000-4000-8000-000000000001";
const review = "00000000-0000-4000-8000-0000000000c1";
const done = "00000000-0000-4000-8000-0000000000c2";
const unknownColumn = "00000000-0000-4000-8000-0000000000ff";
const ruleId = "00000000-0000-4000-8000-0000000000d1";

const created: ProjectEvent[] = [
  { type: "ProjectCreated", data: { name: "Launch", ownerId: "alice" } },
  { type: "MemberAdded", data: { userId: "alice", role: "owner" } },
  { type: "MemberAdded", data: { userId: "bob", role: "member" } },
  { type: "ColumnAdded", data: { columnId: review, name: "Review", wipLimit: null } },
  { type: "ColumnAdded", data: { columnId: done, name: "Done", wipLimit: null } },
];
const rule = {
  ruleId,
  name: "Approved work is done",
  trigger: { type: "taskApproved" },
  action: { type: "moveToColumn", columnId: done },
} as const;
const added: ProjectEvent = { type: "AutomationRuleAdded", data: rule };

describe("AddAutomationRule", () => {
  const add = { type: "AddAutomationRule", projectId, ...rule } as const;

  it("adds a rule", () => given(created).when(add).then([added]));

  it("adds a rule on entering a column that assigns a role", () => {
    const data = { ruleId, name: "Reviews go to admins", trigger: { type: "taskEnteredColumn", columnId: review }, action: { type: "assignRole", role: "admin" } } as const;
    given(created).when({ ...add, ...data }).then([{ type: "AutomationRuleAdded", data }]);
  });

  it("changes nothing when the same rule is added again (a retry)", () => given([...created, added]).when(add).then([]));

  it("refuses another rule under the same id", () =>
    given([...created, added]).when({ ...add, name: "Something else" }).thenThrows("This rule already exists"));

  it("refuses a trigger column that is not on the board", () =>
    given(created)
      .when({ ...add, trigger: { type: "taskEnteredColumn", columnId: unknownColumn } })
      .thenThrows("This column does not exist on the board"));

  it("refuses a target column that is not on the board", () =>
    given(created).when({ ...add, action: { type: "moveToColumn", columnId: unknownColumn } }).thenThrows("This column does not exist on the board"));

  it("refuses a rule that moves tasks into the column that triggers it", () =>
    given(created)
      .when({ ...add, trigger: { type: "taskEnteredColumn", columnId: done }, action: { type: "moveToColumn", columnId: done } })
      .thenThrows("A rule cannot move a task into the column that triggers it"));

  it("refuses to assign someone who is not a member", () =>
    given(created).when({ ...add, action: { type: "assignUser", userId: "mallory" } }).thenThrows("Only members of this project can be assigned tasks"));

  it("refuses an empty name", () => given(created).when({ ...add, name: "  " }).thenThrows("Name the rule"));
});

describe("RemoveAutomationRule", () => {
  it("removes a rule", () =>
    given([...created, added]).when({ type: "RemoveAutomationRule", projectId, ruleId }).then([{ type: "AutomationRuleRemoved", data: { ruleId } }]));

  it("changes nothing for a rule that is not there", () => given(created).when({ type: "RemoveAutomationRule", projectId, ruleId }).then([]));
});

describe("ConfigureReviewSaga", () => {
  const configure = { type: "ConfigureReviewSaga", projectId, columnId: review, reviewerRole: "member", timeoutSeconds: 3600 } as const;
  const configured: ProjectEvent = { type: "ReviewSagaConfigured", data: { columnId: review, reviewerRole: "member", timeoutSeconds: 3600 } };

  it("turns the saga on for a column", () => given(created).when(configure).then([configured]));

  it("changes nothing when the settings are the same", () => given([...created, configured]).when(configure).then([]));

  it("turns it off", () =>
    given([...created, configured])
      .when({ ...configure, columnId: null })
      .then([{ type: "ReviewSagaConfigured", data: { ...configured.data, columnId: null } }]));

  it("refuses a time limit under a second", () => given(created).when({ ...configure, timeoutSeconds: 0 }).thenThrows("The time limit must be at least 1 second"));

  it("refuses an unknown column", () => given(created).when({ ...configure, columnId: unknownColumn }).thenThrows("This column does not exist on the board"));
});

describe("evolveProject: automation", () => {
  it("keeps the rules in the order they were added and the saga's settings", () => {
    const second = { ...rule, ruleId: "00000000-0000-4000-8000-0000000000d2", name: "Second" };
    const history: ProjectEvent[] = [
      ...created,
      added,
      { type: "AutomationRuleAdded", data: second },
      { type: "ReviewSagaConfigured", data: { columnId: review, reviewerRole: "admin", timeoutSeconds: 60 } },
    ];
    const state = history.reduce(evolveProject, initialProjectState());
    expect(state.rules.map((r) => r.name)).toEqual(["Approved work is done", "Second"]);
    expect(state.reviewSaga).toEqual({ columnId: review, reviewerRole: "admin", timeoutSeconds: 60 });
    const removed = evolveProject(state, { type: "AutomationRuleRemoved", data: { ruleId } });
    expect(removed.rules.map((r) => r.name)).toEqual(["Second"]);
  });
});
