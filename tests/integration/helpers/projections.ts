import type pg from "pg";
import { catchUp } from "../../../server/projectors/runner/batch";
import { checkpointPassed } from "../../../server/eventstore";
import type { Projector } from "../../../server/projectors";
import type { RetryPolicy } from "../../../server/projectors/runner/projector";
import { cmd, signedUpUser } from "./api";

/** A project whose tasks went through most task events: created, renamed, moved, assigned, labelled, archived. */
export async function busyProject() {
  const owner = await signedUpUser("Owner");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Read models" });
  const board = await owner.caller.board.get({ projectId });
  const [todo, doing] = board.columns;
  const task = (title: string, extra = {}) =>
    owner.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title, ...extra }).then((t) => t.taskId);
  const first = await task("First", { priority: "high", labels: ["ops"], dueDate: "2030-01-31", assigneeId: owner.user.id });
  const second = await task("Second");
  const third = await task("Third");
  const ids = (taskId: string) => ({ ...cmd(), projectId, taskId });
  await owner.caller.task.rename({ ...ids(second), title: "Second, renamed" });
  await owner.caller.task.move({ ...ids(second), toColumnId: doing!.id, afterTaskId: null });
  await owner.caller.task.addLabel({ ...ids(second), label: "ui" });
  await owner.caller.task.addLabel({ ...ids(second), label: "api" });
  await owner.caller.task.removeLabel({ ...ids(first), label: "ops" });
  await owner.caller.task.clearDueDate({ ...ids(first) });
  await owner.caller.task.setDueDate({ ...ids(third), dueDate: "2031-02-28" });
  await owner.caller.task.changePriority({ ...ids(third), priority: "low" });
  const { position } = await owner.caller.task.archive({ ...ids(third) });
  return { owner, projectId, taskIds: [first, second, third], lastPosition: position! };
}

/** The task list rows of some projects (from the live table or a copy), in a stable order, as plain values. */
export async function taskListRows(pool: pg.Pool, projectIds: string[], table = "task_list") {
  const { rows } = await pool.query(
    `SELECT task_id, project_id, title, column_id, assignee_id, priority, labels, due_date::text AS due_date, archived, version, updated_at
     FROM ${table} WHERE project_id = ANY($1::uuid[]) ORDER BY task_id`,
    [projectIds],
  );
  return rows;
}

/** Resolves once the condition holds, polling; fails after the timeout. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/** The board read model's rows of some projects (or of a copy of its tables), in a stable order, as plain values. */
export async function boardRows(pool: pg.Pool, projectIds: string[], suffix = "") {
  const query = async (table: string, order: string) =>
    (await pool.query(`SELECT * FROM ${table}${suffix} WHERE project_id = ANY($1::uuid[]) ORDER BY ${order}`, [projectIds])).rows;
  return {
    projects: await query("board_projects", "project_id"),
    columns: await query("board_columns", "project_id, column_id"),
    cards: await query("board_cards", "task_id"),
  };
}

/**
 * Runs a projector's batches here until it has passed the position. One catch-up can stop short: the feed
 * ends below the oldest transaction still running, and other test files' projectors keep some running.
 */
export async function catchUpTo(pool: pg.Pool, projector: Projector, position: number, retry: RetryPolicy) {
  await until(async () => {
    await catchUp(pool, projector, retry);
    return checkpointPassed(pool, projector.name, position);
  });
}

/** Runs the work in a transaction of its own (as the runner runs a batch). */
export async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}
