import { type Board, type BoardEventInput, type BoardTask, evolveBoard, ProjectEvent, TaskEvent } from "../../domain";
import { type StoredEvent, toDomainEvent } from "../../eventstore";
import type { TableProjector, Tx } from "../runner/projector";
import { cardRow, cardTask, columnRows, projectPart, projectRow } from "./rows";
import { type BoardTables, boardTables } from "./tables";

/**
 * The board read model (what board.get answers): a row per project, per column (board order, WIP limit,
 * live card count) and per card. Each event goes through the domain's evolveBoard on the rows it touches,
 * so the model means what the fold of the log means.
 */
export function boardProjector(suffix = "", name = "board"): TableProjector {
  const tables = boardTables(suffix);
  return {
    name,
    table: tables.projects,
    moreTables: [tables.columns, tables.cards],
    into: (table, otherName) => boardProjector(table.slice(boardTables().projects.length), otherName),
    handle: (tx, event) => applyToBoard(tx, tables, event),
  };
}

async function applyToBoard(tx: Tx, tables: BoardTables, event: StoredEvent): Promise<void> {
  if (event.aggregateType === "project") await applyProjectEvent(tx, tables, event);
  else await applyTaskEvent(tx, tables, event);
  // The board's position is the project's last event, applied or not (as the fold counts it).
  await tx.query(`UPDATE ${tables.projects} SET position = GREATEST(position, $2) WHERE project_id = $1`, [event.projectId, event.position]);
}

async function applyProjectEvent(tx: Tx, tables: BoardTables, event: StoredEvent): Promise<void> {
  const row = await projectRow(tx, tables, event.aggregateId);
  // Idempotent by event: an event id is one version of one stream, so a version the row has passed is in already.
  if (row && event.version <= row.version) return;
  if (!row && event.eventType !== "ProjectCreated") return;
  // Parsed, not trusted: a malformed payload is refused (and parked) rather than written into the rows.
  const parsed = ProjectEvent.parse(toDomainEvent(event));
  const before = projectPart(row, row ? await columnRows(tx, tables, event.aggregateId) : []);
  const after = evolveBoard({ ...before, tasks: {} }, envelope(parsed, event));
  await tx.query(
    `INSERT INTO ${tables.projects} (project_id, name, owner_id, members, version, position, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (project_id) DO UPDATE SET name = EXCLUDED.name, owner_id = EXCLUDED.owner_id, members = EXCLUDED.members,
       version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [event.aggregateId, after.project.name, after.project.ownerId, after.members, event.version, event.position, event.timestamp],
  );
  if (JSON.stringify(after.columns) !== JSON.stringify(before.columns)) await writeColumns(tx, tables, event.aggregateId, after);
}

async function writeColumns(tx: Tx, tables: BoardTables, projectId: string, board: Omit<Board, "tasks">): Promise<void> {
  const ids = board.columns.map((column) => column.id);
  await tx.query(`DELETE FROM ${tables.columns} WHERE project_id = $1 AND NOT column_id = ANY($2::uuid[])`, [projectId, ids]);
  for (const [ordinal, column] of board.columns.entries()) {
    await tx.query(
      `INSERT INTO ${tables.columns} (project_id, column_id, name, ordinal, wip_limit, task_count)
       VALUES ($1, $2, $3, $4, $5, 0)
       ON CONFLICT (project_id, column_id) DO UPDATE SET name = EXCLUDED.name, ordinal = EXCLUDED.ordinal, wip_limit = EXCLUDED.wip_limit`,
      [projectId, column.id, column.name, ordinal, column.wipLimit],
    );
  }
}

async function applyTaskEvent(tx: Tx, tables: BoardTables, event: StoredEvent): Promise<void> {
  const row = await cardRow(tx, tables, event.aggregateId);
  if (row && event.version <= row.version) return;
  // A task whose creation this model never applied (skipped by an operator) has no card to change.
  if (!row && event.eventType !== "TaskCreated") return;
  const parsed = TaskEvent.parse(toDomainEvent(event));
  const before: Board = { ...projectPart(undefined, []), tasks: row ? { [row.task_id]: cardTask(row) } : {} };
  const card = evolveBoard(before, envelope(parsed, event)).tasks[event.aggregateId]!;
  await writeCard(tx, tables, card, event.version);
  await recount(tx, tables, card.projectId, [...new Set([row?.column_id, card.columnId].filter((id) => id !== undefined))]);
}

async function writeCard(tx: Tx, tables: BoardTables, card: BoardTask, version: number): Promise<void> {
  await tx.query(
    `INSERT INTO ${tables.cards} (task_id, project_id, column_id, rank, title, description, priority, assignee_id, labels,
       due_date, archived, comment_count, reviewer_id, review, created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (task_id) DO UPDATE SET column_id = EXCLUDED.column_id, rank = EXCLUDED.rank, title = EXCLUDED.title,
       description = EXCLUDED.description, priority = EXCLUDED.priority, assignee_id = EXCLUDED.assignee_id,
       labels = EXCLUDED.labels, due_date = EXCLUDED.due_date, archived = EXCLUDED.archived, comment_count = EXCLUDED.comment_count,
       reviewer_id = EXCLUDED.reviewer_id, review = EXCLUDED.review,
       updated_at = EXCLUDED.updated_at, version = EXCLUDED.version`,
    [
      card.id,
      card.projectId,
      card.columnId,
      card.rank,
      card.title,
      card.description,
      card.priority,
      card.assigneeId,
      card.labels,
      card.dueDate,
      card.archived,
      card.commentCount,
      card.reviewerId,
      card.review,
      card.createdAt,
      card.updatedAt,
      version,
    ],
  );
}

/** Recounts the live cards of the columns a card left or entered. */
async function recount(tx: Tx, tables: BoardTables, projectId: string, columnIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE ${tables.columns} c SET task_count =
       (SELECT count(*) FROM ${tables.cards} t WHERE t.project_id = c.project_id AND t.column_id = c.column_id AND NOT t.archived)
     WHERE c.project_id = $1 AND c.column_id = ANY($2::uuid[])`,
    [projectId, columnIds],
  );
}

function envelope(parsed: ProjectEvent | TaskEvent, event: StoredEvent): BoardEventInput {
  return { ...parsed, aggregateId: event.aggregateId, userId: event.metadata.userId, timestamp: event.timestamp };
}
