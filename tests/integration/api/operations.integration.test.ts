import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { grantOperator } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { appendToStream, readProject } from "../../../server/eventstore";
import { waitForPosition } from "../../../server/projectors";
import { lockName } from "../../../server/projectors/runner/projector";
import { cmd, signedUpUser } from "../helpers/api";
import { until } from "../helpers/projections";

const pool = getPool();

async function operator() {
  const user = await signedUpUser("Olga Operator");
  await grantOperator(user.user.id);
  return user;
}

describe("operations", () => {
  it("are for operators only", async () => {
    const someone = await signedUpUser("Sam");
    const { operations } = someone.caller;
    for (const call of [() => operations.status(), () => operations.deadLetters(), () => operations.rebuild({ name: "board" })]) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
    }
  });

  it("park a poison event of the board after its retries while the rest moves on, and let an operator skip it, recorded in the log", async () => {
    const olga = await operator();
    const owner = await signedUpUser("Owner");
    const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Poison" });
    const [todo] = (await owner.caller.board.get({ projectId })).columns;
    const create = (title: string) => owner.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title });
    const [a, b] = [await create("A"), await create("B")];
    // A payload no handler accepts (a number as title), as a buggy writer might have stored it.
    const { events } = await appendToStream(pool, {
      aggregateType: "task", aggregateId: a.taskId, projectId, expectedVersion: 1,
      events: [{ eventId: randomUUID(), eventType: "TaskRenamed", eventVersion: 1, payload: { title: 42 } }],
      metadata: { userId: owner.user.id, correlationId: randomUUID(), causationId: randomUUID() },
    });
    const poison = events[0]!;
    const later = await owner.caller.task.rename({ ...cmd(), projectId, taskId: b.taskId, title: "B, renamed" });
    expect(await waitForPosition(pool, "board", later.position!, 10_000)).toBe(true);

    const board = await owner.caller.board.get({ projectId, position: later.position! });
    expect(board.columns[0]!.tasks.map((t) => t.title)).toEqual(["A", "B, renamed"]);
    expect(board.lag).toEqual({ events: 0, parked: 1 });
    const letters = (await olga.caller.operations.deadLetters()).filter((l) => l.projectId === projectId && l.projector === "board");
    expect(letters).toMatchObject([{ eventId: poison.eventId, status: "parked", attempts: 2, eventType: "TaskRenamed" }]);
    const status = (await olga.caller.operations.status()).find((s) => s.name === "board")!;
    expect(status.parked).toBeGreaterThanOrEqual(1);
    expect(status.leader).not.toBe("none");

    const decision = { projectId, projector: "board", eventId: poison.eventId };
    await expect(olga.caller.operations.skipDeadLetter({ ...cmd(), ...decision, reason: " " })).rejects.toThrow(/reason/i);
    await olga.caller.operations.skipDeadLetter({ ...cmd(), ...decision, reason: "malformed import" });
    const skipped = (await readProject(pool, projectId)).filter((e) => e.eventType === "DeadLetterSkipped");
    expect(skipped.map((e) => [e.payload, e.metadata.userId])).toEqual([
      [{ projector: "board", eventId: poison.eventId, reason: "malformed import" }, olga.user.id],
    ]);
    await until(async () => (await owner.caller.board.get({ projectId })).lag.parked === 0);
  });

  it("rebuild a read model in the background, with progress, and swap it in", async () => {
    const olga = await operator();
    const { startedAt } = await olga.caller.operations.rebuild({ name: "board" });
    const boardJob = async () => (await olga.caller.operations.status()).find((s) => s.name === "board")!.rebuild!;
    // The status names the job the call started, so a page can tell it from an earlier one.
    expect((await boardJob()).startedAt).toEqual(startedAt);
    await until(async () => (await boardJob()).finishedAt != null, 30_000);
    const job = await boardJob();
    expect(job.startedAt).toEqual(startedAt);
    expect(job.error).toBeNull();
    expect(job.events).toBeGreaterThan(0);
    expect(job.position).toBeGreaterThanOrEqual(job.target);
    await expect(olga.caller.operations.rebuild({ name: "nope" })).rejects.toThrow(/not found/);
  });

  it("show a rebuild another instance runs, refuse a second one, and report it interrupted once that instance died", async () => {
    const olga = await operator();
    const boardJob = async () => (await olga.caller.operations.status()).find((s) => s.name === "task_list")!.rebuild;
    // Another instance: its own session holds the rebuild's lock and has written its progress.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [lockName("rebuild", "task_list")]);
    await other.query(
      `INSERT INTO rebuild_jobs (name, instance, started_at, updated_at, events, position, target)
       VALUES ('task_list', 'chronoboard-app9', now() - interval '2 minutes', now() - interval '1 minute', 500, 400, 900)
       ON CONFLICT (name) DO UPDATE SET instance = excluded.instance, started_at = excluded.started_at, updated_at = excluded.updated_at,
         finished_at = NULL, events = 500, position = 400, target = 900, error = NULL`,
    );
    expect(await boardJob()).toMatchObject({ instance: "chronoboard-app9", events: 500, position: 400, target: 900, finishedAt: null, error: null });
    await expect(olga.caller.operations.rebuild({ name: "task_list" })).rejects.toThrow(/already running/);

    // The instance dies: its session ends and the lock goes with it.
    await other.end();
    const interrupted = await boardJob();
    expect(interrupted!.finishedAt).not.toBeNull();
    expect(interrupted!.error).toMatch(/Interrupted.*chronoboard-app9/);
    expect((await olga.caller.operations.rebuild({ name: "task_list" })).startedAt.getTime()).toBeGreaterThan(interrupted!.startedAt.getTime());
    await until(async () => (await boardJob())?.finishedAt != null, 30_000);
    expect((await boardJob())!.error).toBeNull();
  });
});
