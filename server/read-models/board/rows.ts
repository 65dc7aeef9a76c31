import type { Board, BoardTask, LabelColour, Role } from "../../domain";
import type { Db } from "../../db";
import type { BoardTables } from "./tables";

export interface ProjectRow {
  project_id: string;
  name: string;
  owner_id: string;
  members: Record<string, Role>;
  label_colours: Record<string, LabelColour>;
  version: number;
  position: string | number;
  /** As JSON text (read as JSON, see touchedRows and load.ts). */
  updated_at: string;
}

export interface ColumnRow {
  project_id: string;
  column_id: string;
  name: string;
  wip_limit: number | null;
  task_count: number;
}

export interface CardRow {
  task_id: string;
  project_id: string;
  column_id: string;
  rank: string;
  title: string;
  description: string;
  priority: BoardTask["priority"];
  assignee_id: string | null;
  labels: string[];
  due_date: string | null;
  archived: boolean;
  comment_count: number;
  reviewer_id: string | null;
  review: BoardTask["review"];
  /** Dates as rows (load.ts), or their JSON text when read as JSON (touchedRows). */
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string;
  version: number;
}

export const CARD_COLUMNS = `task_id, project_id, column_id, rank, title, description, priority, assignee_id, labels,
  due_date::text AS due_date, archived, comment_count, reviewer_id, review, created_at, updated_at, updated_by, version`;

export interface TouchedRows {
  projects: ProjectRow[];
  /** In board order per project. */
  columns: ColumnRow[];
  cards: CardRow[];
}

/** The rows of some projects (with their columns) and cards, in one statement. */
export async function touchedRows(db: Db, tables: BoardTables, projectIds: string[], taskIds: string[]): Promise<TouchedRows> {
  const { rows } = await db.query<TouchedRows>(
    `SELECT
       (SELECT coalesce(json_agg(p), '[]') FROM ${tables.projects} p WHERE project_id = ANY($1::uuid[])) AS projects,
       (SELECT coalesce(json_agg(c ORDER BY project_id, ordinal), '[]') FROM ${tables.columns} c WHERE project_id = ANY($1::uuid[])) AS columns,
       (SELECT coalesce(json_agg(t), '[]') FROM (SELECT ${CARD_COLUMNS} FROM ${tables.cards} WHERE task_id = ANY($2::uuid[])) t) AS cards`,
    [projectIds, taskIds],
  );
  return rows[0]!;
}

/** The project part of a board, as the domain folds it. */
export function projectPart(row: ProjectRow | undefined, columns: ColumnRow[]): Omit<Board, "tasks"> {
  if (!row) return { project: { id: "", name: "", ownerId: "", exists: false }, members: {}, columns: [], labelColours: {} };
  return {
    project: { id: row.project_id, name: row.name, ownerId: row.owner_id, exists: true },
    members: row.members,
    columns: columns.map((c) => ({ id: c.column_id, name: c.name, wipLimit: c.wip_limit })),
    labelColours: row.label_colours,
  };
}

export function cardTask(row: CardRow): BoardTask {
  return {
    id: row.task_id,
    exists: true,
    projectId: row.project_id,
    columnId: row.column_id,
    rank: row.rank,
    title: row.title,
    description: row.description,
    priority: row.priority,
    assigneeId: row.assignee_id,
    labels: row.labels,
    dueDate: row.due_date,
    archived: row.archived,
    commentCount: row.comment_count,
    reviewerId: row.reviewer_id,
    review: row.review,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}
