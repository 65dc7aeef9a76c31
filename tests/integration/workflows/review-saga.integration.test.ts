import pg from "pg";
import { describe, expect, it } from "vitest";
import { reviewSagaActor } from "../../../server/domain";
import { readProject, readStream } from "../../../server/eventstore";
import { ProjectorRunner } from "../../../server/projectors";
import { escalate, reviewSagaOrchestrator } from "../../../server/workflows/review-saga/orchestrator";
import { sagaIdOf } from "../../../server/workflows/review-saga/stream";
import { fireDueTimeouts } from "../../../server/workflows/review-saga/timeouts";
import { cmd, signedUpUser } from "../helpers/api";
import { testPool } from "../helpers/db";
import { until } from "../helpers/projections";
import { lastPosition, quickRetries, settle, taskOn, teamProject } from "./helpers";

const pool = testPool();
const saga = reviewSagaOrchestrator(pool);

/** A project whose Review column runs the saga with members as reviewers; a second member can take over. */
async function reviewProject(timeoutSeconds: number) {
  const team = await teamProject();
  const other = await signedUpUser("Other member");
  const { owner, projectId, columns } = team;
  await owner.caller.project.addMember({ ...cmd(), projectId, email: other.user.email, role: "member" });
  await owner.caller.automation.configureReviewSaga({ ...cmd(), projectId, columnId: columns[2]!, reviewerRole: "member", timeoutSeconds });
  const sagaEvents = async (taskId: string) => (await readStream(pool, { aggregateType: "review_saga", aggregateId: sagaIdOf(taskId) })).map((e) => e.eventType);
  const timeouts = async (taskId: string) =>
    (await pool.query<{ round: number; status: string }>(`SELECT round, status FROM saga_timeouts WHERE saga_id = $1 ORDER BY round`, [sagaIdOf(taskId)])).rows;
  const task = async (taskId: string) => taskOn(await owner.caller.board.get({ projectId, position: await lastPosition(pool, projectId) }), taskId);
  return { ...team, other, sagaEvents, timeouts, task };
}

const members = (team: { member: { user: { id: string } }; other: { user: { id: string } } }) => [team.member.user.id, team.other.user.id];

describe("the review saga", () => {
  it("assigns a reviewer when a task enters review, and completes when the reviewer approves", async () => {
    const team = await reviewProject(3600);
    const { projectId, columns, createTask, move } = team;
    const taskId = await createTask();
    await move(taskId, columns[2]!);
    await settle(pool, projectId, saga);
    const { reviewerId } = await team.task(taskId);
    expect(members(team)).toContain(reviewerId);
    expect(await team.sagaEvents(taskId)).toEqual(["ReviewSagaStarted"]);
    expect(await team.timeouts(taskId)).toEqual([{ round: 1, status: "scheduled" }]);
    const assigned = (await readStream(pool, { aggregateType: "task", aggregateId: taskId })).at(-1)!;
    expect(assigned).toMatchObject({ eventType: "ReviewerAssigned", metadata: { userId: reviewSagaActor } });
    const [started] = await readStream(pool, { aggregateType: "review_saga", aggregateId: sagaIdOf(taskId) });
    expect(assigned.metadata.causationId).toBe(started!.eventId);

    const reviewer = reviewerId === team.member.user.id ? team.member : team.other;
    await reviewer.caller.task.approve({ ...cmd(), projectId, taskId });
    await settle(pool, projectId, saga);
    expect(await team.sagaEvents(taskId)).toEqual(["ReviewSagaStarted", "ReviewSagaCompleted"]);
    expect(await team.timeouts(taskId)).toEqual([{ round: 1, status: "cancelled" }]);
  });

  it("releases the reviewer when the task leaves review before approval (compensation)", async () => {
    const team = await reviewProject(3600);
    const { projectId, columns, createTask, move } = team;
    const taskId = await createTask();
    await move(taskId, columns[2]!);
    await settle(pool, projectId, saga);
    expect((await team.task(taskId)).reviewerId).not.toBeNull();
    await move(taskId, columns[1]!);
    await settle(pool, projectId, saga);
    expect(await team.task(taskId)).toMatchObject({ reviewerId: null, review: null });
    expect(await team.sagaEvents(taskId)).toEqual(["ReviewSagaStarted", "ReviewSagaCompensated"]);
    expect(await team.timeouts(taskId)).toEqual([{ round: 1, status: "cancelled" }]);
    const released = (await readStream(pool, { aggregateType: "task", aggregateId: taskId })).at(-1)!;
    expect(released).toMatchObject({ eventType: "ReviewerReleased", metadata: { userId: reviewSagaActor } });

    // Back into review: a new round, with a new time limit.
    await move(taskId, columns[2]!);
    await settle(pool, projectId, saga);
    expect(await team.sagaEvents(taskId)).toEqual(["ReviewSagaStarted", "ReviewSagaCompensated", "ReviewSagaStarted"]);
    expect(await team.timeouts(taskId)).toEqual([
      { round: 1, status: "cancelled" },
      { round: 2, status: "scheduled" },
    ]);
  });

  it("escalates once when the reviewer does not act in time, also after a restart", async () => {
    const team = await reviewProject(1);
    const { projectId, columns, createTask, move } = team;
    const taskId = await createTask();
    await move(taskId, columns[2]!);

    // Instance A runs the saga until the time limit is stored, then goes away.
    const stopA = new AbortController();
    const a = new ProjectorRunner(saga, { pool, retry: quickRetries, onError: () => {} });
    void a.start(stopA.signal);
    await until(async () => (await team.timeouts(taskId)).length === 1);
    stopA.abort();
    const { reviewerId: first } = await until(async () => (await team.task(taskId)).reviewerId !== null).then(() => team.task(taskId));

    // Two fresh instances (their own pools, as new processes would have) look for due limits at once, twice.
    const poolB = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const poolC = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    try {
      await until(async () => (await pool.query(`SELECT 1 FROM saga_timeouts WHERE saga_id = $1 AND due_at <= now()`, [sagaIdOf(taskId)])).rowCount === 1);
      const fired = [
        ...(await Promise.all([fireDueTimeouts(poolB, escalate), fireDueTimeouts(poolC, escalate)])),
        ...(await Promise.all([fireDueTimeouts(poolB, escalate), fireDueTimeouts(poolC, escalate)])),
      ];
      expect(fired.reduce((sum, n) => sum + n, 0)).toBe(1);
      await settle(poolB, projectId, reviewSagaOrchestrator(poolB));
    } finally {
      await Promise.all([poolB.end(), poolC.end()]);
    }

    expect(await team.sagaEvents(taskId)).toEqual(["ReviewSagaStarted", "ReviewSagaEscalated"]);
    expect(await team.timeouts(taskId)).toEqual([{ round: 1, status: "fired" }]);
    const task = await team.task(taskId);
    expect(task.priority).toBe("urgent");
    expect(task.reviewerId).toBe(members(team).find((id) => id !== first));
    const { task: detail } = await team.owner.caller.task.get({ projectId, taskId });
    expect(detail.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^Review overdue/)]);
    const escalations = (await readProject(pool, projectId)).filter((e) => e.eventType === "TaskPriorityChanged");
    expect(escalations).toHaveLength(1);
  });
});
