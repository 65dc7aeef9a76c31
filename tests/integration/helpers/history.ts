import { randomUUID } from "node:crypto";
import type pg from "pg";
import { type ProjectCommand, projectDecider, type TaskCommand, taskDecider } from "../../../server/domain";
import { foldBoard } from "../../../server/board-state";
import { handleCommand, readProject } from "../../../server/eventstore";

/** 2030-01-01 09:00 UTC plus the given minutes: the instants a test history is stamped with. */
export const minute = (n: number) => new Date(Date.UTC(2030, 0, 1, 9, 0) + n * 60_000);

/**
 * A project whose history a test writes through the real deciders, each command stamped with a chosen
 * instant. Starts with two columns, To do and Doing (WIP limit 2), owned by user-1.
 */
export function projectHistory(pool: pg.Pool) {
  const projectId = randomUUID();
  const todo = randomUUID();
  const doing = randomUUID();
  const context = (userId: string) => ({ userId, correlationId: randomUUID(), commandId: randomUUID() });
  const project = (at: Date, command: ProjectCommand, userId = "user-1") =>
    handleCommand(pool, { stream: { aggregateType: "project", aggregateId: projectId }, projectId, decider: projectDecider, command, context: context(userId), recordedAt: at });
  const columns = [
    { columnId: todo, name: "To do", wipLimit: null },
    { columnId: doing, name: "Doing", wipLimit: 2 },
  ];
  return {
    projectId,
    todo,
    doing,
    create: (at: Date) => project(at, { type: "CreateProject", projectId, name: "History", ownerId: "user-1", columns }),
    project,
    task: (at: Date, taskId: string, command: TaskCommand, userId = "user-1") =>
      handleCommand(pool, { stream: { aggregateType: "task", aggregateId: taskId }, projectId, decider: taskDecider, command, context: context(userId), recordedAt: at }),
  };
}

/** The reference answer: every event of the project replayed from the start, keeping those stamped at or before T. */
export async function naiveBoardAsOf(pool: pg.Pool, projectId: string, asOf: Date) {
  return foldBoard((await readProject(pool, projectId)).filter((event) => event.timestamp <= asOf));
}
