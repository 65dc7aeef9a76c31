import { describe, expect, it } from "vitest";
import { pickMember, reviewSagaDecider, type ReviewSagaEvent } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(reviewSagaDecider).given;
const taskId = "00000000-0000-4000-8000-0000000000a1";
const dueAt = "2030-01-01T10:00:00.000Z";
const started: ReviewSagaEvent = { type: "ReviewSagaStarted", data: { taskId, round: 1, reviewerId: "bob", dueAt } };
const completed: ReviewSagaEvent = { type: "ReviewSagaCompleted", data: { round: 1, outcome: "changes_requested" } };

describe("review saga", () => {
  it("starts the first round", () => given([]).when({ type: "StartReview", taskId, reviewerId: "bob", dueAt }).then([started]));

  it("does not start a second round while one runs (a redelivered trigger)", () =>
    given([started]).when({ type: "StartReview", taskId, reviewerId: "chen", dueAt }).then([]));

  it("starts the next round after the last ended", () =>
    given([started, completed])
      .when({ type: "StartReview", taskId, reviewerId: "bob", dueAt })
      .then([{ type: "ReviewSagaStarted", data: { taskId, round: 2, reviewerId: "bob", dueAt } }]));

  it("escalates a round that is awaiting its reviewer", () =>
    given([started])
      .when({ type: "EscalateReview", taskId, round: 1, toReviewerId: "chen" })
      .then([{ type: "ReviewSagaEscalated", data: { round: 1, fromReviewerId: "bob", toReviewerId: "chen" } }]));

  it("escalates once only", () =>
    given([started, { type: "ReviewSagaEscalated", data: { round: 1, fromReviewerId: "bob", toReviewerId: "chen" } }])
      .when({ type: "EscalateReview", taskId, round: 1, toReviewerId: "dana" })
      .then([]));

  it("ignores the timeout of a round that has ended", () =>
    given([started, completed]).when({ type: "EscalateReview", taskId, round: 1, toReviewerId: "chen" }).then([]));

  it("ignores the timeout of an earlier round", () =>
    given([started, completed, { type: "ReviewSagaStarted", data: { taskId, round: 2, reviewerId: "bob", dueAt } }])
      .when({ type: "EscalateReview", taskId, round: 1, toReviewerId: "chen" })
      .then([]));

  it("completes when the reviewer decides", () =>
    given([started])
      .when({ type: "CompleteReview", taskId, outcome: "approved" })
      .then([{ type: "ReviewSagaCompleted", data: { round: 1, outcome: "approved" } }]));

  it("compensates a running round", () =>
    given([started]).when({ type: "CompensateReview", taskId }).then([{ type: "ReviewSagaCompensated", data: { round: 1 } }]));

  it("neither completes nor compensates when no round runs", () => {
    given([started, completed]).when({ type: "CompensateReview", taskId }).then([]);
    given([]).when({ type: "CompleteReview", taskId, outcome: "approved" }).then([]);
  });
});

describe("pickMember", () => {
  const task = (id: string, reviewerId: string | null, archived = false) => ({ id, reviewerId, archived }) as never;
  const board = {
    members: { alice: "owner", bob: "member", chen: "member", dana: "member" } as const,
    tasks: { t1: task("t1", "bob"), t2: task("t2", "bob"), t3: task("t3", "chen"), t4: task("t4", "dana", true), t5: task("t5", "dana") },
  };
  const load = (t: { reviewerId: string | null }, userId: string) => t.reviewerId === userId;

  it("picks the member with the role who carries the least, ties by id", () => expect(pickMember(board, "member", { load })).toBe("chen"));

  it("never picks an excluded member", () => expect(pickMember(board, "member", { load, exclude: ["chen", "dana"] })).toBe("bob"));

  it("answers null when nobody qualifies", () => expect(pickMember(board, "admin", { load })).toBeNull());
});
