import { describe, expect, it } from "vitest";
import { type BoardContext, evolveTask, initialTaskState, taskDecider, type TaskEvent } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(taskDecider).given;

const taskId = "00000000-0000-4000-8000-0000000000a1";
const projectId = "00000000-0000-4000-8000-000000000001";
const review = "00000000-0000-4000-8000-0000000000c2";
const board: BoardContext = { columns: [{ id: review, name: "Review", wipLimit: null, taskCount: 1 }], memberIds: ["alice", "bob", "chen"] };

const created: TaskEvent = {
  type: "TaskCreated",
  data: { projectId, columnId: review, rank: "a0", title: "Ship it", description: "", priority: "none", assigneeId: "alice", labels: [], dueDate: null },
};
const reviewedByBob: TaskEvent[] = [created, { type: "ReviewerAssigned", data: { reviewerId: "bob" } }];

describe("AssignReviewer", () => {
  const assign = { type: "AssignReviewer", taskId, reviewerId: "bob", board } as const;

  it("asks a member to review the task", () => given([created]).when(assign).then([{ type: "ReviewerAssigned", data: { reviewerId: "bob" } }]));

  it("hands the review to another member", () =>
    given(reviewedByBob).when({ ...assign, reviewerId: "chen" }).then([{ type: "ReviewerAssigned", data: { reviewerId: "chen" } }]));

  it("changes nothing when that member already reviews it", () => given(reviewedByBob).when(assign).then([]));

  it("refuses someone who is not a member", () =>
    given([created]).when({ ...assign, reviewerId: "mallory" }).thenThrows("Only members of this project can review tasks"));

  it("refuses the assignee as reviewer of their own task", () =>
    given([created]).when({ ...assign, reviewerId: "alice" }).thenThrows("The assignee cannot review their own task"));

  it("refuses an archived task", () =>
    given([created, { type: "TaskArchived", data: {} }]).when(assign).thenThrows("This task is archived; restore it before changing it"));
});

describe("ReleaseReviewer", () => {
  it("releases the reviewer", () => given(reviewedByBob).when({ type: "ReleaseReviewer", taskId }).then([{ type: "ReviewerReleased", data: {} }]));

  it("changes nothing without a reviewer", () => given([created]).when({ type: "ReleaseReviewer", taskId }).then([]));
});

describe("ApproveTask and RequestChanges", () => {
  it("lets the reviewer approve", () =>
    given(reviewedByBob).when({ type: "ApproveTask", taskId, by: "bob" }).then([{ type: "TaskApproved", data: { reviewerId: "bob" } }]));

  it("lets the reviewer request changes", () =>
    given(reviewedByBob).when({ type: "RequestChanges", taskId, by: "bob" }).then([{ type: "TaskChangesRequested", data: { reviewerId: "bob" } }]));

  it("lets the reviewer approve after requesting changes", () =>
    given([...reviewedByBob, { type: "TaskChangesRequested", data: { reviewerId: "bob" } }])
      .when({ type: "ApproveTask", taskId, by: "bob" })
      .then([{ type: "TaskApproved", data: { reviewerId: "bob" } }]));

  it("changes nothing when the task is already approved", () =>
    given([...reviewedByBob, { type: "TaskApproved", data: { reviewerId: "bob" } }]).when({ type: "ApproveTask", taskId, by: "bob" }).then([]));

  it("refuses anyone but the reviewer", () =>
    given(reviewedByBob).when({ type: "ApproveTask", taskId, by: "alice" }).thenThrows("Only the task's reviewer can approve it or request changes"));

  it("refuses a task without a reviewer", () =>
    given([created]).when({ type: "RequestChanges", taskId, by: "bob" }).thenThrows("This task has no reviewer"));

  it("refuses after the reviewer was released", () =>
    given([...reviewedByBob, { type: "ReviewerReleased", data: {} }]).when({ type: "ApproveTask", taskId, by: "bob" }).thenThrows("This task has no reviewer"));
});

describe("evolveTask: review", () => {
  it("tracks the reviewer and the review's state", () => {
    const fold = (events: TaskEvent[]) => events.reduce(evolveTask, initialTaskState());
    expect(fold(reviewedByBob)).toMatchObject({ reviewerId: "bob", review: "pending" });
    expect(fold([...reviewedByBob, { type: "TaskApproved", data: { reviewerId: "bob" } }])).toMatchObject({ reviewerId: "bob", review: "approved" });
    expect(fold([...reviewedByBob, { type: "TaskChangesRequested", data: { reviewerId: "bob" } }])).toMatchObject({ review: "changes_requested" });
    expect(fold([...reviewedByBob, { type: "ReviewerReleased", data: {} }])).toMatchObject({ reviewerId: null, review: null });
  });
});
