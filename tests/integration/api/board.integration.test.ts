import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { anonymousCaller, cmd, signedUpUser } from "../helpers/api";

async function projectWithTask() {
  const alice = await signedUpUser("Alice");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Launch" });
  const board = await alice.caller.board.get({ projectId });
  const [todo, doing] = board.columns;
  const { taskId } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Write the plan" });
  return { alice, projectId, todo: todo!, doing: doing!, taskId };
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("the board API", () => {
  it("creates a project with default columns and the caller as owner", async () => {
    const { alice, projectId } = await projectWithTask();
    const board = await alice.caller.board.get({ projectId });
    expect(board.columns.map((c) => c.name)).toEqual(["To do", "In progress", "Review", "Done"]);
    expect(board.role).toBe("owner");
    expect(await alice.caller.project.list()).toEqual([
      { id: projectId, name: "Launch", role: "owner", taskCount: expect.any(Number), lastActivityAt: expect.any(Date) },
    ]);
  });

  it("lists each project with the tasks on its board and the time of its last change", async () => {
    const { alice, projectId, todo, taskId } = await projectWithTask();
    await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Second" });
    await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Third" });
    const { position } = await alice.caller.task.archive({ ...cmd(), projectId, taskId, expectedVersion: 1 });
    // Given the position of the caller's last write, the list waits until the board read model has it.
    const [listed] = await alice.caller.project.list({ position: position! });
    const last = (await readProject(getPool(), projectId)).at(-1)!;
    expect(last.eventType).toBe("TaskArchived");
    // Archived tasks leave the board, so they leave the count.
    expect(listed).toMatchObject({ id: projectId, taskCount: 2, lastActivityAt: last.timestamp });
  });

  it("moves a task and records the real user and correlation id in every event", async () => {
    const { alice, projectId, doing, taskId } = await projectWithTask();
    const { position } = await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: doing.id, afterTaskId: null });
    const board = await alice.caller.board.get({ projectId, position: position! });
    expect(board.columns[1]!.tasks.map((t) => t.id)).toEqual([taskId]);
    const events = await readProject(getPool(), projectId);
    expect(events.map((e) => e.eventType)).toEqual([
      "ProjectCreated", "MemberAdded", "ColumnAdded", "ColumnAdded", "ColumnAdded", "ColumnAdded", "TaskCreated", "TaskMoved",
    ]);
    for (const e of events) {
      expect(e.metadata.userId).toBe(alice.user.id);
      expect(e.metadata.correlationId).toBe(alice.correlationId);
    }
    expect(events.at(-1)!.payload).toMatchObject({ fromColumnId: board.columns[0]!.id, toColumnId: doing.id, wipLimitOverridden: false });
  });

  it("orders tasks by where they were dropped", async () => {
    const { alice, projectId, todo, taskId: first } = await projectWithTask();
    const { taskId: second } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Second" });
    const { taskId: third } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Third" });
    const { position } = await alice.caller.task.move({ ...cmd(), projectId, taskId: third, toColumnId: todo.id, afterTaskId: first });
    const board = await alice.caller.board.get({ projectId, position: position! });
    expect(board.columns[0]!.tasks.map((t) => t.id)).toEqual([first, third, second]);
  });

  it("answers a stale edit with CONFLICT and the current version, and keeps the first edit", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    await alice.caller.task.rename({ ...cmd(), projectId, taskId, expectedVersion: 1, title: "Mine" });
    const error = await codeOf(alice.caller.task.rename({ ...cmd(), projectId, taskId, expectedVersion: 1, title: "Theirs" }));
    expect(error.code).toBe("CONFLICT");
    expect((error.cause as { currentVersion?: number }).currentVersion).toBe(2);
    expect((await alice.caller.task.get({ projectId, taskId })).task.title).toBe("Mine");
  });

  it("lets concurrent edits of one task through one at a time, never losing one", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const results = await Promise.allSettled(
      ["a", "b", "c", "d", "e"].map((label) => alice.caller.task.addLabel({ ...cmd(), projectId, taskId, expectedVersion: 1, label })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const { task, version } = await alice.caller.task.get({ projectId, taskId });
    expect(version).toBe(2);
    expect(task.labels).toHaveLength(1);
  });

  it("treats a retried command as done once", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const command = { ...cmd(), projectId, taskId, body: "Ship it" };
    const first = await alice.caller.task.comment(command);
    const retry = await alice.caller.task.comment(command);
    expect(retry).toEqual(first);
    expect((await alice.caller.task.get({ projectId, taskId })).task.comments).toHaveLength(1);
  });

  it("refuses bad input with BAD_REQUEST naming the field, and writes nothing", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const before = (await readProject(getPool(), projectId)).length;
    const empty = await codeOf(alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "   " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.message).toMatch(/title/i);
    const badDate = await codeOf(alice.caller.task.setDueDate({ ...cmd(), projectId, taskId, dueDate: "31/12/2030" }));
    expect(badDate.code).toBe("BAD_REQUEST");
    expect(badDate.message).toMatch(/dueDate/);
    const noColumn = await codeOf(alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: randomUUID(), afterTaskId: null }));
    expect(noColumn.code).toBe("BAD_REQUEST");
    await alice.caller.task.archive({ ...cmd(), projectId, taskId });
    const archived = await codeOf(alice.caller.task.rename({ ...cmd(), projectId, taskId, title: "Edited" }));
    expect(archived.code).toBe("BAD_REQUEST");
    expect(archived.message).toMatch(/archived/i);
    expect((await readProject(getPool(), projectId)).length).toBe(before + 1);
  });

  it("refuses a move into a full column unless the user overrides the WIP limit", async () => {
    const { alice, projectId, doing, todo, taskId } = await projectWithTask();
    const { taskId: other } = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title: "Other" });
    await alice.caller.column.setWipLimit({ ...cmd(), projectId, columnId: doing.id, wipLimit: 1 });
    await alice.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: doing.id, afterTaskId: null });
    const full = await codeOf(alice.caller.task.move({ ...cmd(), projectId, taskId: other, toColumnId: doing.id, afterTaskId: null }));
    expect(full.code).toBe("BAD_REQUEST");
    expect(full.message).toMatch(/WIP limit/i);
    await alice.caller.task.move({ ...cmd(), projectId, taskId: other, toColumnId: doing.id, afterTaskId: taskId, overrideWipLimit: true });
    const last = (await readProject(getPool(), projectId)).at(-1)!;
    expect(last.payload).toMatchObject({ wipLimitOverridden: true });
  });

  it("keeps a WIP limit when several users move and create tasks into the column at the same moment", async () => {
    const { alice, projectId, doing, todo, taskId } = await projectWithTask();
    const others = [];
    for (const title of ["B", "C", "D", "E", "F", "G", "H", "I", "J"]) others.push((await alice.caller.task.create({ ...cmd(), projectId, columnId: todo.id, title })).taskId);
    await alice.caller.column.setWipLimit({ ...cmd(), projectId, columnId: doing.id, wipLimit: 2 });
    const attempts = await Promise.allSettled([
      ...[taskId, ...others].map((id) => alice.caller.task.move({ ...cmd(), projectId, taskId: id, toColumnId: doing.id, afterTaskId: null })),
      alice.caller.task.create({ ...cmd(), projectId, columnId: doing.id, title: "Straight in" }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(2);
    for (const refused of attempts.filter((a) => a.status === "rejected")) expect(String(refused.reason)).toMatch(/WIP limit/);
    const into = (e: { eventType: string; payload: unknown }) =>
      (e.eventType === "TaskMoved" ? (e.payload as { toColumnId: string }).toColumnId : e.eventType === "TaskCreated" ? (e.payload as { columnId: string }).columnId : null);
    expect((await readProject(getPool(), projectId)).filter((e) => into(e) === doing.id)).toHaveLength(2);
  });

  it("checks the session and the caller's role in that project", async () => {
    const { alice, projectId, taskId } = await projectWithTask();
    const stranger = await signedUpUser("Mallory");
    const viewer = await signedUpUser("Vera");
    await alice.caller.project.addMember({ ...cmd(), projectId, email: viewer.user.email, role: "viewer" });

    expect((await codeOf(anonymousCaller().board.get({ projectId }))).code).toBe("UNAUTHORIZED");
    expect((await codeOf(stranger.caller.board.get({ projectId }))).code).toBe("NOT_FOUND");
    expect((await codeOf(stranger.caller.board.get({ projectId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await codeOf(stranger.caller.task.rename({ ...cmd(), projectId, taskId, title: "Hijacked" }))).code).toBe("NOT_FOUND");

    expect((await viewer.caller.board.get({ projectId })).role).toBe("viewer");
    expect((await codeOf(viewer.caller.task.rename({ ...cmd(), projectId, taskId, title: "Nope" }))).code).toBe("NOT_FOUND");
    expect((await alice.caller.task.get({ projectId, taskId })).task.title).toBe("Write the plan");
  });
});
