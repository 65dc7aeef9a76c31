import { evolveTask, initialTaskState, TaskEvent, type TaskState } from "../../domain";
import { type StoredEvent, toDomainEvent } from "../../eventstore";
import type { Projector, TableProjector, Tx } from "../../projectors";

interface TaskListRow {
  task_id: string;
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
 * through the domain's evolveTask, so the row means what the task's stream means. A batch of events is
 * folded in memory from the rows it touches (read with one statement) and written back with one.
 */
export function taskListProjector(table = "task_list", name = "task_list"): TableProjector {
  const into = (otherTable: string, otherName: string): Projector => taskListProjector(otherTable, otherName);
  const apply = (tx: Tx, events: StoredEvent[]) => applyToTaskList(tx, table, events);
  return { name, table, into, handle: (tx, event) => apply(tx, [event]), handleBatch: apply };
}

interface TaskEntry {
  task: TaskState;
  version: number;
}

async function applyToTaskList(tx: Tx, table: string, events: StoredEvent[]): Promise<void> {
  const taskEvents = events.filter((event) => event.aggregateType === "task");
  if (taskEvents.length === 0) return;
  const { rows } = await tx.query<TaskListRow>(
    `SELECT task_id, project_id, title, column_id, assignee_id, priority, labels, due_date::text AS due_date, archived, version
     FROM ${table} WHERE task_id = ANY($1::uuid[])`,
    [[...new Set(taskEvents.map((event) => event.aggregateId))]],
  );
  const tasks = new Map<string, TaskEntry>(rows.map((row) => [row.task_id, { task: stateOf(row), version: row.version }]));
  const changed = new Map<string, TaskEntry & { updatedAt: Date }>();
  for (const event of taskEvents) {
    const entry = tasks.get(event.aggregateId);
    // Idempotent by event: an event id is one version of one task, so a version the row has passed is in already.
    if (entry && event.version <= entry.version) continue;
    // A task whose creation this model never applied (skipped by an operator) has no row to change.
    if (!entry && event.eventType !== "TaskCreated") continue;
    // Parsed, not trusted: a malformed payload is refused (and parked) rather than written into the row.
    const task = evolveTask(entry?.task ?? initialTaskState(), TaskEvent.parse(toDomainEvent(event)));
    const next = { task, version: event.version, updatedAt: event.timestamp };
    tasks.set(event.aggregateId, next);
    changed.set(event.aggregateId, next);
  }
  if (changed.size === 0) return;
  const written = [...changed].map(([id, { task, version, updatedAt }]) => ({
    task_id: id,
    project_id: task.projectId,
    title: task.title,
    column_id: task.columnId,
    assignee_id: task.assigneeId,
    priority: task.priority,
    labels: task.labels,
    due_date: task.dueDate,
    archived: task.archived,
    version,
    updated_at: updatedAt,
  }));
  await tx.query(
    `INSERT INTO ${table} (task_id, project_id, title, column_id, assignee_id, priority, labels, due_date, archived, version, updated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, project_id uuid, title text, column_id uuid, assignee_id text,
       priority text, labels text[], due_date date, archived boolean, version integer, updated_at timestamptz)
     ON CONFLICT (task_id) DO UPDATE SET title = EXCLUDED.title, column_id = EXCLUDED.column_id,
       assignee_id = EXCLUDED.assignee_id, priority = EXCLUDED.priority, labels = EXCLUDED.labels,
       due_date = EXCLUDED.due_date, archived = EXCLUDED.archived, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(written)],
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
