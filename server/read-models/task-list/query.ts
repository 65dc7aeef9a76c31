import type { Db } from "../../db";

export interface TaskListFilter {
  search?: string;
  columnId?: string;
  assigneeId?: string;
  label?: string;
  priority?: string;
  includeArchived: boolean;
  limit: number;
}

/** A project's tasks from the task_list read model, filtered, newest change first. */
export async function queryTaskList(db: Db, projectId: string, filter: TaskListFilter) {
  const { rows } = await db.query<{
    task_id: string;
    title: string;
    column_id: string;
    assignee_id: string | null;
    priority: string;
    labels: string[];
    due_date: string | null;
    archived: boolean;
    version: number;
    updated_at: Date;
  }>(
    `SELECT task_id, title, column_id, assignee_id, priority, labels, due_date::text AS due_date, archived, version, updated_at
     FROM task_list
     WHERE project_id = $1
       AND ($2::text IS NULL OR title ILIKE '%' || replace(replace(replace($2, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
       AND ($3::uuid IS NULL OR column_id = $3) AND ($4::text IS NULL OR assignee_id = $4)
       AND ($5::text IS NULL OR $5 = ANY(labels)) AND ($6::text IS NULL OR priority = $6) AND ($7 OR NOT archived)
     ORDER BY updated_at DESC, task_id LIMIT $8`,
    [projectId, filter.search ?? null, filter.columnId ?? null, filter.assigneeId ?? null, filter.label ?? null, filter.priority ?? null, filter.includeArchived, filter.limit],
  );
  return rows.map((r) => ({
    id: r.task_id,
    title: r.title,
    columnId: r.column_id,
    assigneeId: r.assignee_id,
    priority: r.priority,
    labels: r.labels,
    dueDate: r.due_date,
    archived: r.archived,
    version: r.version,
    updatedAt: r.updated_at,
  }));
}
