import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { grantOperator } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { appendToStream, readProject } from "../../../server/eventstore";
import { waitForPosition } from "../../../server/projectors";
import { cmd, signedUpUser } from "../helpers/api";
import { until } from "../helpers/projections";

const pool = getPool();

async function operator() {
  const user = await signedUpUser("Olga Operator");
  await grantOperator(pool, user.user.id);
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
    expect(await olga.caller.operations.rebuild({ name: "board" })).toEqual({ started: true });
    await until(async () => (await olga.caller.operations.status()).find((s) => s.name === "board")!.rebuild?.finishedAt != null, 30_000);
    const job = (await olga.caller.operations.status()).find((s) => s.name === "board")!.rebuild!;
    expect(job.error).toBeNull();
    expect(job.events).toBeGreaterThan(0);
    expect(job.position).toBeGreaterThanOrEqual(job.target);
    await expect(olga.caller.operations.rebuild({ name: "nope" })).rejects.toThrow(/not found/);
  });
});
