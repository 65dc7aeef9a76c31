import { evolveTask, initialTaskState, TaskEvent, type TaskState } from "../../domain";
import { type StoredEvent, toDomainEvent } from "../../eventstore";
import type { Projector, TableProjector, Tx } from "../runner/projector";

interface TaskListRow {
  project_id: string;
  title: string;
  column_id: string;
  assignee_id: string | null;
  priority: TaskState["priority"];
  labels: string[];
  due_date: string | null;
  archived: boolean;
  version: number;
}

/**
 * The task list read model: one row per task with the fields search and filters use. Each event goes
 * through the domain's evolveTask, so the row means what the task's stream means.
 */
export function taskListProjector(table = "task_list", name = "task_list"): TableProjector {
  const into = (otherTable: string, otherName: string): Projector => taskListProjector(otherTable, otherName);
  return { name, table, into, handle: (tx, event) => applyToTaskList(tx, table, event) };
}

async function applyToTaskList(tx: Tx, table: string, event: StoredEvent): Promise<void> {
  if (event.aggregateType !== "task") return;
  const { rows } = await tx.query<TaskListRow>(
    `SELECT project_id, title, column_id, assignee_id, priority, labels, due_date::text AS due_date, archived, version
     FROM ${table} WHERE task_id = $1`,
    [event.aggregateId],
  );
  const row = rows[0];
  // Idempotent by event: an event id is one version of one task, so a version the row has passed is in already.
  if (row && event.version <= row.version) return;
  // A task whose creation this model never applied (skipped by an operator) has no row to change.
  if (!row && event.eventType !== "TaskCreated") return;
  // Parsed, not trusted: a malformed payload is refused (and parked) rather than written into the row.
  const task = evolveTask(row ? stateOf(row) : initialTaskState(), TaskEvent.parse(toDomainEvent(event)));
  await tx.query(
    `INSERT INTO ${table} (task_id, project_id, title, column_id, assignee_id, priority, labels, due_date, archived, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, column_id = EXCLUDED.column_id,
       assignee_id = EXCLUDED.assignee_id, priority = EXCLUDED.priority, labels = EXCLUDED.labels,
       due_date = EXCLUDED.due_date, archived = EXCLUDED.archived, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [
      event.aggregateId,
      task.projectId,
      task.title,
      task.columnId,
      task.assigneeId,
      task.priority,
      task.labels,
      task.dueDate,
      task.archived,
      event.version,
      event.timestamp,
    ],
  );
}

/** The row as a task state; what the row does not keep (description, rank, comments) no field here reads. */
function stateOf(row: TaskListRow): TaskState {
  return {
    ...initialTaskState(),
    exists: true,
    projectId: row.project_id,
    columnId: row.column_id,
    title: row.title,
    priority: row.priority,
    assigneeId: row.assignee_id,
    labels: row.labels,
    dueDate: row.due_date,
    archived: row.archived,
  };
}
