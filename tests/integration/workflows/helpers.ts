import type pg from "pg";
import { readProject, type StoredEvent } from "../../../server/eventstore";
import { catchUp } from "../../../server/projectors/runner/batch";
import type { Projector } from "../../../server/projectors";
import { cmd, signedUpUser } from "../helpers/api";

/** No waits between attempts: a test's automated command either applies or is refused at once. */
export const quickRetries = { attempts: 2, backoffMs: 1 };

/** A project with To do / Doing / Done (the defaults, whatever they are named), its owner and a member. */
export async function teamProject(memberRole: "member" | "admin" = "member") {
  const owner = await signedUpUser("Owner");
  const member = await signedUpUser("Member");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Automation" });
  await owner.caller.project.addMember({ ...cmd(), projectId, email: member.user.email, role: memberRole });
  const board = await owner.caller.board.get({ projectId });
  const columns = board.columns.map((column) => column.id);
  const createTask = async (columnId = columns[0]!, extra = {}) =>
    (await owner.caller.task.create({ ...cmd(), projectId, columnId, title: "Automate me", ...extra })).taskId;
  const move = (taskId: string, toColumnId: string) => owner.caller.task.move({ ...cmd(), projectId, taskId, toColumnId, afterTaskId: null });
  return { owner, member, projectId, columns, createTask, move };
}

/** Runs a workflow over the whole feed so far, as its runner would. */
export function drain(pool: pg.Pool, projector: Projector) {
  return catchUp(pool, projector, quickRetries);
}

/** Forgets a workflow's checkpoint: its next catch-up replays the whole log. */
export async function forgetCheckpoint(pool: pg.Pool, projector: Projector) {
  await pool.query(`DELETE FROM projection_checkpoints WHERE name = $1`, [projector.name]);
}

/** A project's events written by an automation actor, in log order. */
export async function automatedEvents(pool: pg.Pool, projectId: string): Promise<StoredEvent[]> {
  return (await readProject(pool, projectId)).filter((event) => event.metadata.userId.startsWith("automation:"));
}

/**
 * Runs the workflows until each has read all of the project's events and the log stops growing: each step's
 * events may call for the next. (The feed holds events back while older transactions, e.g. of other test
 * files, are still open, so a catch-up may read nothing yet.)
 */
export async function settle(pool: pg.Pool, projectId: string, ...projectors: Projector[]) {
  let count = -1;
  for (let round = 0; round < 200; round++) {
    for (const projector of projectors) await drain(pool, projector);
    const now = (await readProject(pool, projectId)).length;
    if (now === count && (await allRead(pool, projectId, projectors))) return;
    count = now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the workflows did not settle");
}

async function allRead(pool: pg.Pool, projectId: string, projectors: Projector[]) {
  const { rows } = await pool.query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM events e JOIN projection_checkpoints c ON c.name = ANY($2::text[])
     WHERE e.project_id = $1 AND (e.transaction_id, e.position) > (c.transaction_id, c.position)`,
    [projectId, projectors.map((p) => p.name)],
  );
  return rows[0]!.unread === 0;
}

/**
 * The position of a project's last event: automated writes are not the caller's own, so a read of the
 * board after them passes it to wait until the board's read model has them.
 */
export async function lastPosition(pool: pg.Pool, projectId: string): Promise<number> {
  const { rows } = await pool.query<{ position: string }>(`SELECT max(position)::text AS position FROM events WHERE project_id = $1`, [projectId]);
  return Number(rows[0]!.position);
}

/** A task as board.get shows it. */
export function taskOn<T extends { id: string }>(board: { columns: { tasks: T[] }[] }, taskId: string): T {
  const task = board.columns.flatMap((column) => column.tasks).find((t) => t.id === taskId);
  if (!task) throw new Error(`task ${taskId} is not on the board`);
  return task;
}
