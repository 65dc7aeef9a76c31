/** A board for the benches that use the app over HTTP, written through the API as users would. */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { appRouter } from "../server/api/root";
import { createCallerFactory } from "../server/api/trpc";
import { auth } from "../server/auth";

export const PASSWORD = "bench-password-123";

/** An owner and a member (both with PASSWORD) and a project of `tasks` tasks over its four columns. */
export async function seedBoard(pool: pg.Pool, tasks: number) {
  const emails = [`owner-${randomUUID()}@bench.dev`, `viewer-${randomUUID()}@bench.dev`];
  const users = [];
  for (const email of emails) users.push((await auth.api.signUpEmail({ body: { name: email.slice(0, 10), email, password: PASSWORD } })).user);
  const caller = createCallerFactory(appRouter)({ user: { ...users[0]!, name: users[0]!.name }, correlationId: randomUUID(), db: pool });
  const { projectId } = await caller.project.create({ commandId: randomUUID(), name: `${tasks} tasks` });
  await caller.project.addMember({ projectId, commandId: randomUUID(), email: emails[1]!, role: "member" });
  const { columns } = await caller.board.get({ projectId });
  const taskIds: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const column = columns[i % columns.length]!;
    const { taskId } = await caller.task.create({ projectId, commandId: randomUUID(), columnId: column.id, title: `Task ${i + 1}`, labels: [`l${i % 7}`] });
    taskIds.push(taskId);
  }
  return { projectId, emails, taskIds, columns: columns.map((c) => ({ id: c.id, name: c.name })) };
}

