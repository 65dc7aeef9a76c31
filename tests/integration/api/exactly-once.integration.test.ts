import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getPool } from "../../../server/db/pool";
import { taskDecider } from "../../../server/domain";
import { backgroundWorkDone, readProject, snapshotPolicy } from "../../../server/eventstore";
import { handleCommand } from "../../../server/eventstore/command";
import { cmd, signedUpUser } from "../helpers/api";
import { forgetProcessState } from "../helpers/process-state";

const defaults = { ...snapshotPolicy };
afterAll(async () => {
  Object.assign(snapshotPolicy, defaults);
  await backgroundWorkDone();
});

async function projectWithTask() {
  const alice = await signedUpUser("Alice");
  const bob = await signedUpUser("Bob");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Launch" });
  await alice.caller.project.addMember({ ...cmd(), projectId, email: bob.user.email, role: "member" });
  const board = await alice.caller.board.get({ projectId });
  const [todo, doing] = board.columns;
  const { taskId, version } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Write the plan" });
  return { alice, bob, projectId, todo: todo!, doing: doing!, taskId, version };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const eventCount = async (projectId: string) => (await readProject(getPool(), projectId)).length;

/** Where the retry finds the stream: this process's cached state, a snapshot stored after the first attempt, or nothing. */
const places = ["cached", "snapshot", "another instance"] as const;

describe("a command sent again with the same command id", () => {
  for (const place of places) {
    for (const withVersion of [true, false]) {
      it(`answers as the first attempt did (${place}, ${withVersion ? "with" : "without"} expectedVersion), one- and many-event`, async () => {
        snapshotPolicy.aggregateEvery = place === "snapshot" ? 3 : defaults.aggregateEvery;
        const { alice, bob, projectId, doing, taskId, version } = await projectWithTask();
        const expected = (v: number) => (withVersion ? { expectedVersion: v } : {});
        const beforeRename = new Date();

        // One event: a rename. Many events: a restore to before the rename and the move (one command, several events).
        const rename = { ...cmd(), projectId, taskId, ...expected(version), title: "Mine" };
        const renamed = await alice.caller.task.rename(rename);
        await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: doing.id, afterTaskId: null });
        await alice.caller.task.changeDescription({ ...cmd(), projectId, taskId, description: "Details" });
        const restore = { ...cmd(), projectId, taskId, ...expected(renamed.version + 2), asOf: beforeRename };
        const restored = await alice.caller.task.revertTo(restore);
        expect(restored.version - renamed.version).toBeGreaterThanOrEqual(5); // 2 changes, then 3 events undoing them

        // Someone else moves the task on; past SNAPSHOT_EVERY where a snapshot is wanted.
        for (let i = 0; i < 4; i++) await bob.caller.task.rename({ ...cmd(), projectId, taskId, title: `Theirs ${i}` });
        await backgroundWorkDone();
        if (place !== "cached") forgetProcessState();
        const stored = await eventCount(projectId);

        expect(await alice.caller.task.rename(rename)).toEqual(renamed);
        expect(await alice.caller.task.revertTo(restore)).toEqual(restored);
        expect(await eventCount(projectId)).toBe(stored);
        expect((await alice.caller.task.get({ projectId, taskId })).task.title).toBe("Theirs 3");
      });
    }
  }

  it("creates a project once: same id, version and position, no new events, from any instance", async () => {
    const alice = await signedUpUser("Alice");
    const input = { ...cmd(), name: "Once" };
    const first = await alice.caller.project.create(input);
    await alice.caller.project.rename({ ...cmd(), projectId: first.projectId, name: "Renamed" });
    const stored = await eventCount(first.projectId);
    expect(await alice.caller.project.create(input)).toEqual(first);
    forgetProcessState();
    expect(await alice.caller.project.create(input)).toEqual(first);
    expect(await eventCount(first.projectId)).toBe(stored);
  });

  it("comments once, adds a column once and undoes once, whatever happened since", async () => {
    const { alice, bob, projectId, taskId } = await projectWithTask();
    const comment = { ...cmd(), projectId, taskId, expectedVersion: 1, body: "Ship it" };
    const commented = await alice.caller.task.comment(comment);
    const column = { ...cmd(), projectId, name: "Blocked" };
    const added = await alice.caller.column.add(column);
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Then renamed" });
    const undo = { ...cmd(), projectId, taskId };
    const undone = await alice.caller.task.undoLast(undo);
    await bob.caller.task.addLabel({ ...cmd(), projectId, taskId, label: "later" });
    await alice.caller.column.rename({ ...cmd(), projectId, columnId: (await alice.caller.board.get({ projectId })).columns.at(-1)!.id, name: "Stuck" });
    const stored = await eventCount(projectId);

    expect(await alice.caller.task.comment(comment)).toEqual(commented);
    expect(await alice.caller.column.add(column)).toEqual(added);
    // Undoing again would undo Bob's label: a retry answers as the undo did instead.
    expect(await alice.caller.task.undoLast(undo)).toEqual(undone);
    expect(await eventCount(projectId)).toBe(stored);
    const { task } = await alice.caller.task.get({ projectId, taskId });
    expect(task.comments).toHaveLength(1);
    expect(task.title).toBe("Write the plan");
    expect(task.labels).toEqual(["later"]);
  });

  it("applies a command once when its attempts arrive together", async () => {
    const { alice, projectId, taskId, version } = await projectWithTask();
    const move = { ...cmd(), projectId, taskId, expectedVersion: version, title: "Concurrent" };
    const answers = await Promise.all(Array.from({ length: 6 }, () => alice.caller.task.rename(move)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await readProject(getPool(), projectId)).filter((e) => e.eventType === "TaskRenamed")).toHaveLength(1);
  });

  it("answers an automation's command again as it did, after the state moved on", async () => {
    const { projectId, taskId } = await projectWithTask();
    const stream = { aggregateType: "task", aggregateId: taskId };
    const context = { userId: "automation:rule:r1", correlationId: randomUUID(), commandId: randomUUID(), causationId: randomUUID() };
    const run = () => handleCommand(getPool(), { stream, projectId, decider: taskDecider, command: { type: "AddLabel", taskId, label: "auto" }, context });
    const first = await run();
    await handleCommand(getPool(), { stream, projectId, decider: taskDecider, command: { type: "RemoveLabel", taskId, label: "auto" }, context: { ...context, commandId: randomUUID() } });
    forgetProcessState();
    const again = await run();
    expect(again).toMatchObject({ version: first.version, lastPosition: first.lastPosition, idempotentReplay: true });
  });
});

describe("a command id belongs to its author", () => {
  it("refuses another user's project.create with someone's command id, without telling their project", async () => {
    const alice = await signedUpUser("Alice");
    const mallory = await signedUpUser("Mallory");
    const input = { ...cmd(), name: "Secret" };
    const { projectId } = await alice.caller.project.create(input);
    const stored = await eventCount(projectId);
    for (const attempt of [() => mallory.caller.project.create(input), () => mallory.caller.project.create({ ...input, name: "Other" })]) {
      const error = await failure(attempt());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/command id/i);
      expect(error.message).not.toContain(projectId);
    }
    expect(await eventCount(projectId)).toBe(stored);
    expect(await mallory.caller.project.list()).toEqual([]);
  });

  it("refuses a member re-using another member's command id, on the same task or another", async () => {
    const { alice, bob, projectId, todo, taskId, version } = await projectWithTask();
    const rename = { ...cmd(), projectId, taskId, expectedVersion: version, title: "Alice's" };
    await alice.caller.task.rename(rename);
    const { taskId: bobsTask } = await bob.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Bob's" });
    const stored = await eventCount(projectId);
    expect((await failure(bob.caller.task.rename(rename))).code).toBe("BAD_REQUEST");
    expect((await failure(bob.caller.task.rename({ ...rename, taskId: bobsTask, expectedVersion: undefined }))).code).toBe("BAD_REQUEST");
    expect((await failure(bob.caller.task.comment({ ...rename, taskId: bobsTask, expectedVersion: undefined, body: "x" }))).code).toBe("BAD_REQUEST");
    // The author's own id on another command is no retry either.
    expect((await failure(alice.caller.task.rename({ ...rename, taskId: bobsTask, expectedVersion: undefined }))).code).toBe("BAD_REQUEST");
    expect(await eventCount(projectId)).toBe(stored);
  });
});
