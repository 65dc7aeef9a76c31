import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkpointOf, readFeed, readProject, readStream } from "../../../server/eventstore";
import { catchUp } from "../../../server/projectors/runner/batch";
import type { Projector } from "../../../server/projectors";
import { cmd, signedUpUser } from "../helpers/api";
import { testPool } from "../helpers/db";
import { catchUpTo } from "../helpers/projections";

// As the owner: the fixture creates its own projector table.
const pool = testPool();
const retry = { attempts: 3, backoffMs: 5 };

/**
 * A projector over one project's task events that records what it applied, in order, and refuses the
 * events in `poison` (until they are "fixed" by removing them), counting every attempt.
 */
async function poisonableProjector(projectId: string) {
  const table = `test_dl_${randomUUID().replaceAll("-", "")}`;
  await pool.query(`CREATE TABLE ${table} (seq serial, event_id uuid PRIMARY KEY, aggregate_id uuid NOT NULL, version int NOT NULL)`);
  const poison = new Set<string>();
  const attempts = new Map<string, number>();
  const projector: Projector = {
    name: `test.poison.${table}`,
    async handle(tx, event) {
      if (event.projectId !== projectId || event.aggregateType !== "task") return;
      attempts.set(event.eventId, (attempts.get(event.eventId) ?? 0) + 1);
      if (poison.has(event.eventId)) throw new Error(`cannot apply ${event.eventType}`);
      await tx.query(`INSERT INTO ${table} (event_id, aggregate_id, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        event.eventId,
        event.aggregateId,
        event.version,
      ]);
    },
  };
  const applied = async (taskId: string) =>
    (await pool.query<{ version: number }>(`SELECT version FROM ${table} WHERE aggregate_id = $1 ORDER BY seq`, [taskId])).rows.map((r) => r.version);
  return { projector, poison, attempts, applied };
}

async function projectWithTwoTasks() {
  const owner = await signedUpUser("Owner");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Dead letters" });
  const [todo] = (await owner.caller.board.get({ projectId })).columns;
  const create = (title: string) => owner.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title }).then((t) => t.taskId);
  const [a, b] = [await create("A"), await create("B")];
  const rename = (taskId: string, title: string) => owner.caller.task.rename({ ...cmd(), projectId, taskId, title });
  return { owner, projectId, a, b, rename };
}

async function eventOf(taskId: string, version: number) {
  const events = await readStream(pool, { aggregateType: "task", aggregateId: taskId });
  return events.find((e) => e.version === version)!;
}

describe("dead letters", () => {
  it("parks a poison event after its retries, holds its task's later events behind it, and lets the rest move on", async () => {
    const { owner, projectId, a, b, rename } = await projectWithTwoTasks();
    await rename(a, "A2");
    await rename(a, "A3");
    const b2 = await rename(b, "B2");
    const { projector, poison, attempts, applied } = await poisonableProjector(projectId);
    const poisoned = await eventOf(a, 2);
    poison.add(poisoned.eventId);

    await catchUpTo(pool, projector, b2.position!, retry);
    expect(attempts.get(poisoned.eventId)).toBe(3);
    expect(await applied(a)).toEqual([1]);
    expect(await applied(b)).toEqual([1, 2]);
    const letters = await owner.caller.projections.deadLetters({ projectId });
    expect(letters.map((l) => [l.version, l.status, l.attempts, l.eventType])).toEqual([
      [2, "parked", 3, "TaskRenamed"],
      [3, "held", 0, "TaskRenamed"],
    ]);
    expect(letters[0]).toMatchObject({ projector: projector.name, eventId: poisoned.eventId, aggregateId: a, error: "cannot apply TaskRenamed" });

    // Later events of the blocked task queue up; other tasks still go through.
    await rename(a, "A4");
    const b3 = await rename(b, "B3");
    await catchUpTo(pool, projector, b3.position!, retry);
    expect(await applied(a)).toEqual([1]);
    expect(await applied(b)).toEqual([1, 2, 3]);

    // A retry before the fix parks it again, with its attempts added up.
    const decision = { projectId, projector: projector.name, eventId: poisoned.eventId };
    await owner.caller.projections.retryDeadLetter({ ...cmd(), ...decision, reason: "try again" });
    await catchUp(pool, projector, retry);
    expect((await owner.caller.projections.deadLetters({ projectId })).map((l) => [l.version, l.status, l.attempts])).toEqual([
      [2, "parked", 6],
      [3, "held", 0],
      [4, "held", 0],
    ]);

    poison.clear();
    await owner.caller.projections.retryDeadLetter({ ...cmd(), ...decision, reason: "handler fixed" });
    await catchUp(pool, projector, retry);
    expect(await applied(a)).toEqual([1, 2, 3, 4]);
    expect(await owner.caller.projections.deadLetters({ projectId })).toEqual([]);

    const decisions = (await readProject(pool, projectId)).filter((e) => e.eventType === "DeadLetterRetried");
    const about = { projector: projector.name, eventId: poisoned.eventId };
    expect(decisions.map((e) => [e.payload, e.metadata.userId])).toEqual([
      [{ ...about, reason: "try again" }, owner.user.id],
      [{ ...about, reason: "handler fixed" }, owner.user.id],
    ]);
  });

  it("skips a parked event on an operator's word, recorded in the log, and releases what it held", async () => {
    const { owner, projectId, a, rename } = await projectWithTwoTasks();
    const a2 = await rename(a, "A2");
    const { projector, poison, applied } = await poisonableProjector(projectId);
    const created = await eventOf(a, 1);
    poison.add(created.eventId);
    await catchUpTo(pool, projector, a2.position!, retry);
    expect(await applied(a)).toEqual([]);

    const decision = { projectId, projector: projector.name, eventId: created.eventId };
    const member = await signedUpUser("Member");
    await owner.caller.project.addMember({ ...cmd(), projectId, email: member.user.email, role: "member" });
    const refused = await member.caller.projections.skipDeadLetter({ ...cmd(), ...decision, reason: "not mine" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");

    const skip = { ...cmd(), ...decision, reason: "created by a broken import" };
    await owner.caller.projections.skipDeadLetter(skip);
    // The same request again (a retry) answers alike and records nothing more; a new one is refused.
    await owner.caller.projections.skipDeadLetter(skip);
    await expect(owner.caller.projections.retryDeadLetter({ ...cmd(), ...decision, reason: "changed my mind" })).rejects.toThrow(
      "This event is not parked (it is skipped)",
    );
    await catchUp(pool, projector, retry);
    expect(await applied(a)).toEqual([2]);
    expect(await owner.caller.projections.deadLetters({ projectId })).toEqual([]);

    const skipped = (await readProject(pool, projectId)).filter((e) => e.eventType === "DeadLetterSkipped");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({
      payload: { projector: projector.name, eventId: created.eventId, reason: "created by a broken import" },
      metadata: { userId: owner.user.id, causationId: skip.commandId },
    });
    const { rows } = await pool.query(`SELECT event_id, status FROM dead_letters WHERE projector = $1 ORDER BY version`, [projector.name]);
    expect(rows).toEqual([
      { event_id: created.eventId, status: "skipped" },
      { event_id: (await eventOf(a, 2)).eventId, status: "resolved" },
    ]);
  });

  it("waits between a failing event's attempts outside any transaction: the feed goes on for everyone meanwhile", async () => {
    const { projectId, a, b, rename } = await projectWithTwoTasks();
    await rename(a, "A2");
    const { projector, poison, attempts } = await poisonableProjector(projectId);
    const poisoned = await eventOf(a, 2);
    poison.add(poisoned.eventId);

    let finished = false;
    const running = catchUp(pool, projector, { attempts: 2, backoffMs: 3000 }).finally(() => (finished = true));
    await expect.poll(() => attempts.get(poisoned.eventId) ?? 0).toBe(1);
    // The projector now waits 3 s before its next attempt. An event written meanwhile reaches the feed at once:
    // no transaction of the waiting projector is open to hold it back.
    await rename(b, "B2");
    const written = await eventOf(b, 2);
    await expect
      .poll(async () => (await readFeed(pool, checkpointOf(poisoned), 5000)).some((e) => e.eventId === written.eventId), { timeout: 2000 })
      .toBe(true);
    expect(finished).toBe(false);
    await running;
    expect(attempts.get(poisoned.eventId)).toBe(2);
  });

  it("applies a command's events all together or not at all, also while one of them waits for its next attempt", async () => {
    const owner = await signedUpUser("Owner");
    const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Whole commands" });
    // Creating a project is one command of several events: ProjectCreated, MemberAdded, then its columns.
    const created = await readProject(pool, projectId);
    expect(created.length).toBeGreaterThan(2);
    const table = `test_dl_${randomUUID().replaceAll("-", "")}`;
    await pool.query(`CREATE TABLE ${table} (event_id uuid PRIMARY KEY)`);
    const failed = new Set<string>();
    const poisoned = created[1]!;
    const projector: Projector = {
      name: `test.whole.${table}`,
      async handle(tx, event) {
        if (event.projectId !== projectId) return;
        // The command's second event fails its first attempt only.
        if (event.eventId === poisoned.eventId && !failed.has(event.eventId)) {
          failed.add(event.eventId);
          throw new Error("not yet");
        }
        await tx.query(`INSERT INTO ${table} (event_id) VALUES ($1) ON CONFLICT DO NOTHING`, [event.eventId]);
      },
    };
    const applied = async () => (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

    const running = catchUp(pool, projector, { attempts: 2, backoffMs: 1500 });
    await expect.poll(() => failed.size).toBe(1);
    // The projector waits before its next attempt, outside any transaction: what it committed shows meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await applied(), "events of the command in the read model while it waits").toBe(0);
    await running;
    expect(await applied()).toBe(created.length);
    expect((await pool.query(`SELECT 1 FROM dead_letters WHERE projector = $1`, [projector.name])).rowCount).toBe(0);
  });
});
