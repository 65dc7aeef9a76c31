import type { Board, BoardTask } from "../../domain";
import type { Tx } from "../../projectors";
import type { BoardTables } from "./tables";

export interface ProjectEntry {
  part: Omit<Board, "tasks">;
  version: number;
  position: number;
  updatedAt: Date | string;
}

export interface CardEntry {
  card: BoardTask;
  version: number;
}

/** What a batch of events left in the rows it touched (projector.ts). */
export interface BoardWrites {
  projects: Map<string, ProjectEntry>;
  cards: Map<string, CardEntry>;
  /** Columns as read, by project: the columns of projects whose list differs at the end are written. */
  columnsRead: Map<string, Board["columns"]>;
  changedProjects: Set<string>;
  changedCards: Set<string>;
  /** Columns a card left or entered: their live cards are counted again. */
  recount: Map<string, { projectId: string; columnId: string }>;
}

/**
 * Writes a batch's changes back, a statement per table, rows passed as one JSON array: cards, then columns
 * (those gone deleted, the others upserted keeping their counts), then the counts of the columns cards left or
 * entered, then projects.
 */
export async function writeBoard(tx: Tx, tables: BoardTables, writes: BoardWrites): Promise<void> {
  const cards = [...writes.changedCards].map((id) => {
    const { card, version } = writes.cards.get(id)!;
    return {
      task_id: card.id,
      project_id: card.projectId,
      column_id: card.columnId,
      rank: card.rank,
      title: card.title,
      description: card.description,
      priority: card.priority,
      assignee_id: card.assigneeId,
      labels: card.labels,
      due_date: card.dueDate,
      archived: card.archived,
      comment_count: card.commentCount,
      reviewer_id: card.reviewerId,
      review: card.review,
      created_at: card.createdAt,
      updated_at: card.updatedAt,
      updated_by: card.updatedBy,
      version,
    };
  });
  if (cards.length > 0) {
    await tx.query(
      `INSERT INTO ${tables.cards} (task_id, project_id, column_id, rank, title, description, priority, assignee_id, labels,
         due_date, archived, comment_count, reviewer_id, review, created_at, updated_at, updated_by, version)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, project_id uuid, column_id uuid, rank text, title text,
         description text, priority text, assignee_id text, labels text[], due_date date, archived boolean, comment_count integer,
         reviewer_id text, review text, created_at timestamptz, updated_at timestamptz, updated_by text, version integer)
       ON CONFLICT (task_id) DO UPDATE SET column_id = EXCLUDED.column_id, rank = EXCLUDED.rank, title = EXCLUDED.title,
         description = EXCLUDED.description, priority = EXCLUDED.priority, assignee_id = EXCLUDED.assignee_id,
         labels = EXCLUDED.labels, due_date = EXCLUDED.due_date, archived = EXCLUDED.archived, comment_count = EXCLUDED.comment_count,
         reviewer_id = EXCLUDED.reviewer_id, review = EXCLUDED.review,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, version = EXCLUDED.version`,
      [JSON.stringify(cards)],
    );
  }

  const reordered = [...writes.projects].filter(
    ([id, { part }]) => JSON.stringify(part.columns) !== JSON.stringify(writes.columnsRead.get(id) ?? []),
  );
  if (reordered.length > 0) {
    const columns = reordered.flatMap(([id, { part }]) =>
      part.columns.map((column, ordinal) => ({ project_id: id, column_id: column.id, name: column.name, ordinal, wip_limit: column.wipLimit })),
    );
    const projectIds = reordered.map(([id]) => id);
    await tx.query(
      `DELETE FROM ${tables.columns} c WHERE c.project_id = ANY($1::uuid[]) AND NOT EXISTS
         (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS r(project_id uuid, column_id uuid)
          WHERE r.project_id = c.project_id AND r.column_id = c.column_id)`,
      [projectIds, JSON.stringify(columns)],
    );
    await tx.query(
      `INSERT INTO ${tables.columns} (project_id, column_id, name, ordinal, wip_limit, task_count)
       SELECT project_id, column_id, name, ordinal, wip_limit, 0
       FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, column_id uuid, name text, ordinal integer, wip_limit integer)
       ON CONFLICT (project_id, column_id) DO UPDATE SET name = EXCLUDED.name, ordinal = EXCLUDED.ordinal, wip_limit = EXCLUDED.wip_limit`,
      [JSON.stringify(columns)],
    );
  }

  if (writes.recount.size > 0) {
    const counted = [...writes.recount.values()];
    await tx.query(
      `UPDATE ${tables.columns} c SET task_count =
         (SELECT count(*) FROM ${tables.cards} t WHERE t.project_id = c.project_id AND t.column_id = c.column_id AND NOT t.archived)
       FROM unnest($1::uuid[], $2::uuid[]) AS r(project_id, column_id)
       WHERE c.project_id = r.project_id AND c.column_id = r.column_id`,
      [counted.map((c) => c.projectId), counted.map((c) => c.columnId)],
    );
  }

  const projects = [...writes.changedProjects].map((id) => {
    const { part, version, position, updatedAt } = writes.projects.get(id)!;
    return { project_id: id, name: part.project.name, owner_id: part.project.ownerId, members: part.members, label_colours: part.labelColours, version, position, updated_at: updatedAt };
  });
  if (projects.length > 0) {
    await tx.query(
      `INSERT INTO ${tables.projects} (project_id, name, owner_id, members, label_colours, version, position, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(project_id uuid, name text, owner_id text, members jsonb, label_colours jsonb, version integer, position bigint, updated_at timestamptz)
       ON CONFLICT (project_id) DO UPDATE SET name = EXCLUDED.name, owner_id = EXCLUDED.owner_id, members = EXCLUDED.members,
         label_colours = EXCLUDED.label_colours,
         version = EXCLUDED.version, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [JSON.stringify(projects)],
    );
  }
}
