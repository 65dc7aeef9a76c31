import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiToken } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { appendToStream, readProject, readStream } from "../../../server/eventstore";
import { boardAsOfResponse } from "../../../server/api/http/board-as-of";
import { cmd, signedUpUser } from "../helpers/api";

/** Lets the clock move on, so the instant taken before the next command is strictly before it. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function instantBetween() {
  await tick();
  const instant = new Date();
  await tick();
  return instant;
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

async function projectWithTask() {
  const alice = await signedUpUser("Alice");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Launch" });
  const [todo, doing] = (await alice.caller.board.get({ projectId })).columns;
  const { taskId } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Write the plan", labels: ["docs"] });
  return { alice, projectId, todo: todo!, doing: doing!, taskId };
}

describe("time travel over the API", () => {
  it("shows the board as of an instant in board.get's shape, and says when the project did not exist yet", async () => {
    const { alice, projectId, doing, taskId } = await projectWithTask();
    const afterCreate = await instantBetween();
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Plan, reviewed" });
    const moved = await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: doing.id, afterTaskId: null });

    const then = await alice.caller.board.asOf({ projectId, asOf: afterCreate });
    expect(then).toMatchObject({ asOf: afterCreate, exists: true });
    if (!then.exists) throw new Error("the project existed then");
    expect(then.board.columns[0]!.tasks.map((t) => [t.title, t.version])).toEqual([["Write the plan", 1]]);
    expect(then.board.columns[1]!.tasks).toEqual([]);

    const future = await alice.caller.board.asOf({ projectId, asOf: new Date("2100-01-01T00:00:00Z") });
    expect(future.asOf.getTime()).toBeLessThanOrEqual(Date.now());
    const { lag, ...now } = await alice.caller.board.get({ projectId, position: moved.position! });
    expect(lag).toEqual({ events: 0, parked: 0 });
    expect(future).toMatchObject({ exists: true, board: now });

    const [created] = await readStream(getPool(), { aggregateType: "project", aggregateId: projectId }, { toVersion: 1 });
    const before = new Date(created!.timestamp.getTime() - 1);
    expect(await alice.caller.board.asOf({ projectId, asOf: before })).toEqual({ asOf: before, exists: false, createdAt: created!.timestamp });
  });

  it("lets every reader role look back, and nobody else", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const auditor = await signedUpUser("Audrey");
    const stranger = await signedUpUser("Mallory");
    await alice.caller.project.addMember({ ...cmd(), projectId, email: auditor.user.email, role: "auditor" });
    const asOf = new Date();
    expect((await auditor.caller.board.asOf({ projectId, asOf })).exists).toBe(true);
    expect((await auditor.caller.task.asOf({ projectId, taskId, asOf })).exists).toBe(true);
    expect((await auditor.caller.task.history({ projectId, taskId })).length).toBe(1);
    expect((await auditor.caller.project.auditLog({ projectId })).items.length).toBeGreaterThan(0);
    expect(await codeOf(stranger.caller.board.asOf({ projectId, asOf }))).toBe("NOT_FOUND");
    expect(await codeOf(stranger.caller.task.asOf({ projectId, taskId, version: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(auditor.caller.task.undoLast({ ...cmd(), projectId, taskId }))).toBe("NOT_FOUND");
  });

  it("shows a task as of an instant or at a version, as board.get shows tasks", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const beforeRename = await instantBetween();
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Renamed" });
    const commented = await alice.caller.task.comment({ ...cmd(), projectId, taskId, body: "Renamed it" });

    const atOne = await alice.caller.task.asOf({ projectId, taskId, version: 1 });
    expect(atOne).toMatchObject({ asOf: null, exists: true, task: { id: taskId, title: "Write the plan", version: 1, labels: ["docs"] } });
    expect(await alice.caller.task.asOf({ projectId, taskId, asOf: beforeRename })).toEqual({ ...atOne, asOf: beforeRename });
    const now = await alice.caller.task.asOf({ projectId, taskId, asOf: new Date() });
    const onBoard = (await alice.caller.board.get({ projectId, position: commented.position! })).columns[0]!.tasks[0];
    const { task: detail } = await alice.caller.task.get({ projectId, taskId });
    expect(now.exists && now.task).toEqual({ ...onBoard, comments: detail.comments });
    expect(detail.comments).toMatchObject([{ body: "Renamed it", authorId: alice.user.id }]);
    expect(atOne.exists && atOne.task.comments).toEqual([]);

    const [created] = await readStream(getPool(), { aggregateType: "task", aggregateId: taskId });
    expect(await alice.caller.task.asOf({ projectId, taskId, asOf: new Date(created!.timestamp.getTime() - 1) })).toMatchObject({ exists: false });
    expect(await codeOf(alice.caller.task.asOf({ projectId, taskId, version: 4 }))).toBe("NOT_FOUND");
    expect(await codeOf(alice.caller.task.asOf({ projectId, taskId }))).toBe("BAD_REQUEST");
    expect(await codeOf(alice.caller.task.asOf({ projectId, taskId, version: 1, asOf: new Date() }))).toBe("BAD_REQUEST");
    const elsewhere = await projectWithTask();
    expect(await codeOf(alice.caller.task.asOf({ projectId, taskId: elsewhere.taskId, version: 1 }))).toBe("NOT_FOUND");
  });

  it("tells a task's history: who, when, what changed (before → after), the cause and the correlation id", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const bob = await signedUpUser("Bob");
    await alice.caller.project.addMember({ ...cmd(), projectId, email: bob.user.email, role: "member" });
    const rename = cmd();
    await bob.caller.task.rename({ ...rename, projectId, taskId, title: "Bob's plan" });
    const renamed = (await readStream(getPool(), { aggregateType: "task", aggregateId: taskId })).at(-1)!;
    // An automation reacting to the rename, with an event stored in an old version.
    const [todo, doing] = (await alice.caller.board.get({ projectId })).columns;
    await appendToStream(getPool(), {
      aggregateType: "task", aggregateId: taskId, projectId, expectedVersion: 2,
      events: [{ eventId: randomUUID(), eventType: "TaskMoved", eventVersion: 1, payload: { fromColumnId: todo!.id, toColumnId: doing!.id, wipLimitOverridden: false } }],
      metadata: { userId: "automation", correlationId: renamed.metadata.correlationId, causationId: renamed.eventId },
    });

    const history = await alice.caller.task.history({ projectId, taskId });
    expect(history.map((h) => [h.type, h.version, h.storedVersion, h.userName])).toEqual([
      ["TaskCreated", 1, 2, "Alice"],
      ["TaskRenamed", 2, 1, "Bob"],
      ["TaskMoved", 3, 1, "Unknown user"],
    ]);
    expect(history[0]!.changes).toContainEqual({ field: "title", before: null, after: "Write the plan" });
    expect(history[0]!.correlationId).toBe(alice.correlationId);
    expect(history[1]).toMatchObject({
      userId: bob.user.id,
      correlationId: bob.correlationId,
      cause: { kind: "user", commandId: rename.commandId },
      changes: [{ field: "title", before: "Write the plan", after: "Bob's plan" }],
    });
    expect(history[1]!.timestamp).toEqual(renamed.timestamp);
    expect(history[2]).toMatchObject({
      cause: { kind: "automation", eventId: renamed.eventId, eventType: "TaskRenamed", aggregateId: taskId },
      changes: [
        { field: "columnId", before: todo!.id, after: doing!.id },
        { field: "rank", before: "a0", after: expect.stringMatching(/^[g-z]/) },
      ],
    });
  });

  it("pages through the project's events newest first, filtered by user, type, time and correlation id", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const bob = await signedUpUser("Bob");
    await alice.caller.project.addMember({ ...cmd(), projectId, email: bob.user.email, role: "member" });
    const since = await instantBetween();
    for (const label of ["a", "b", "c"]) await bob.caller.task.addLabel({ ...cmd(), projectId, taskId, label });

    const all = (await readProject(getPool(), projectId)).reverse();
    const pages = [];
    let cursor: number | null | undefined;
    do {
      const page = await alice.caller.project.auditLog({ projectId, limit: 3, cursor });
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 2]);
    expect(pages.flat().map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    expect(pages[0]![0]).toMatchObject({ type: "TaskLabelAdded", data: { label: "c" }, userName: "Bob", storedVersion: 1 });

    const byBob = await alice.caller.project.auditLog({ projectId, userId: bob.user.id });
    expect(byBob.items.map((e) => e.data)).toEqual([{ label: "c" }, { label: "b" }, { label: "a" }]);
    expect(byBob.nextCursor).toBeNull();
    const created = await alice.caller.project.auditLog({ projectId, eventTypes: ["TaskCreated", "ProjectCreated"] });
    expect(created.items.map((e) => e.type)).toEqual(["TaskCreated", "ProjectCreated"]);
    const recent = await alice.caller.project.auditLog({ projectId, from: since, to: new Date() });
    expect(recent.items).toHaveLength(3);
    const untilThen = await alice.caller.project.auditLog({ projectId, to: since });
    expect(untilThen.items).toHaveLength(8);
    const ofAlice = await alice.caller.project.auditLog({ projectId, correlationId: alice.correlationId });
    expect(ofAlice.items).toHaveLength(8);
  });

  it("restores a task to how it was at an instant with new events, all at once, never touching the old ones", async () => {
    const { alice, projectId, doing, taskId } = await projectWithTask();
    const asPlanned = await instantBetween();
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Changed" });
    await alice.caller.task.addLabel({ ...cmd(), projectId, taskId, label: "bug" });
    await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: doing.id, afterTaskId: null });
    await alice.caller.task.archive({ ...cmd(), projectId, taskId });
    const stream = { aggregateType: "task", aggregateId: taskId };
    const before = await readStream(getPool(), stream);

    const revert = cmd();
    const answer = await alice.caller.task.revertTo({ ...revert, projectId, taskId, asOf: asPlanned });
    const after = await readStream(getPool(), stream);
    expect(after.slice(0, before.length)).toEqual(before);
    const written = after.slice(before.length);
    expect(written.map((e) => e.eventType)).toEqual(["TaskRestored", "TaskRenamed", "TaskLabelRemoved", "TaskMoved"]);
    expect(new Set(written.map((e) => e.metadata.causationId))).toEqual(new Set([revert.commandId]));
    expect(new Set(written.map((e) => e.transactionId)).size).toBe(1);
    expect(answer).toEqual({ version: after.length, position: written.at(-1)!.position });

    const { task } = await alice.caller.task.get({ projectId, taskId });
    const { task: planned } = (await alice.caller.task.asOf({ projectId, taskId, asOf: asPlanned })) as { task: typeof task };
    const fields = ({ title, labels, columnId, rank, archived, priority, description }: typeof task) => ({ title, labels, columnId, rank, archived, priority, description });
    expect(fields(task)).toEqual(fields(planned));

    // The same request again writes nothing more.
    expect(await alice.caller.task.revertTo({ ...revert, projectId, taskId, asOf: asPlanned })).toEqual(answer);
    expect(await readStream(getPool(), stream)).toHaveLength(after.length);
    expect(await codeOf(alice.caller.task.revertTo({ ...cmd(), projectId, taskId, asOf: new Date(before[0]!.timestamp.getTime() - 1) }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("undoes a task's last change, the undo being a change of its own", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    expect(await codeOf(alice.caller.task.undoLast({ ...cmd(), projectId, taskId }))).toBe("BAD_REQUEST");
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Oops" });
    await alice.caller.task.changePriority({ ...cmd(), projectId, taskId, priority: "urgent" });
    const title = async () => (await alice.caller.task.get({ projectId, taskId })).task;

    const undo = cmd();
    const undone = await alice.caller.task.undoLast({ ...undo, projectId, taskId });
    expect(await title()).toMatchObject({ title: "Oops", priority: "none" });
    expect(await alice.caller.task.undoLast({ ...undo, projectId, taskId })).toEqual(undone);
    expect(await title()).toMatchObject({ priority: "none" });

    await alice.caller.task.undoLast({ ...cmd(), projectId, taskId });
    expect(await title()).toMatchObject({ title: "Oops", priority: "urgent" });
    expect(await codeOf(alice.caller.task.undoLast({ ...cmd(), projectId, taskId, expectedVersion: 2 }))).toBe("CONFLICT");
  });
});

describe("GET /api/v1/projects/{projectId}/board?asOf=", () => {
  const get = (projectId: string, query: string, token?: string) =>
    boardAsOfResponse(
      new Request(`http://localhost/api/v1/projects/${projectId}/board${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
      projectId,
    );

  it("answers a personal API token with the board as of the instant as JSON", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const asOf = await instantBetween();
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Later" });
    const { token } = await createApiToken(alice.user.id, "integration");

    const response = await get(projectId, `?asOf=${encodeURIComponent(asOf.toISOString())}`, token);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ asOf: asOf.toISOString(), exists: true, board: { project: { id: projectId, name: "Launch" } } });
    expect(body.board.columns[0].tasks[0]).toMatchObject({ id: taskId, title: "Write the plan", version: 1 });

    const offset = asOf.toISOString().replace("Z", "+00:00");
    expect((await (await get(projectId, `?asOf=${encodeURIComponent(offset)}`, token)).json()).asOf).toBe(asOf.toISOString());
    expect((await (await get(projectId, "", token)).json()).board.columns[0].tasks[0].title).toBe("Later");
    expect((await (await get(projectId, "?asOf=2000-01-01T00:00:00Z", token)).json()).exists).toBe(false);
  });

  it("refuses a malformed instant, a missing credential and someone else's project", async () => {
    const { alice, projectId } = await projectWithTask();
    const { token } = await createApiToken(alice.user.id, "integration");
    const mallory = await signedUpUser("Mallory");
    const { token: stranger } = await createApiToken(mallory.user.id, "integration");
    expect((await get(projectId, "?asOf=yesterday", token)).status).toBe(400);
    expect((await get(projectId, "?asOf=2026-11-12T14:05:00", token)).status).toBe(400);
    expect((await get(projectId, "?asOf=2026-11-12T14:05:00Z")).status).toBe(401);
    expect((await get(projectId, "?asOf=2026-11-12T14:05:00Z", stranger)).status).toBe(404);
  });
});
