import { type Board, type BoardEventInput, evolveBoard, ProjectEvent, TaskEvent } from "../../domain";
import { type StoredEvent, toDomainEvent } from "../../eventstore";
import type { TableProjector, Tx } from "../../projectors";
import { cardTask, type ColumnRow, projectPart, touchedRows } from "./rows";
import { type BoardTables, boardTables } from "./tables";
import { type BoardWrites, type CardEntry, type ProjectEntry, writeBoard } from "./write";

/**
 * The board read model (what board.get answers): a row per project, per column (board order, WIP limit,
 * live card count) and per card. Each event goes through the domain's evolveBoard on the rows it touches,
 * so the model means what the fold of the log means. A batch of events is folded in memory from the rows
 * it touches (read with one statement), and what changed is written back with a statement per table.
 */
export function boardProjector(suffix = "", name = "board"): TableProjector {
  const tables = boardTables(suffix);
  const apply = (tx: Tx, events: StoredEvent[]) => applyToBoard(tx, tables, events);
  return {
    name,
    table: tables.projects,
    moreTables: [tables.columns, tables.cards],
    into: (table, otherName) => boardProjector(table.slice(boardTables().projects.length), otherName),
    handle: (tx, event) => apply(tx, [event]),
    handleBatch: apply,
  };
}

/** The touched rows as the batch's events leave them, and which of them changed. */
class BatchFold implements BoardWrites {
  projects = new Map<string, ProjectEntry>();
  cards = new Map<string, CardEntry>();
  /** Columns as read, by project: the columns of projects whose list differs at the end are written. */
  columnsRead = new Map<string, Board["columns"]>();
  changedProjects = new Set<string>();
  changedCards = new Set<string>();
  /** Columns a card left or entered, as `projectId columnId`: their live cards are counted again. */
  recount = new Map<string, { projectId: string; columnId: string }>();

  apply(event: StoredEvent): void {
    if (event.aggregateType === "project") this.applyProjectEvent(event);
    // Other streams of the project (a review saga's) are in its log but not on its board.
    else if (event.aggregateType === "task") this.applyTaskEvent(event);
    // The board's position is the project's last event, applied or not (as the fold counts it).
    const project = this.projects.get(event.projectId);
    if (project && event.position > project.position) {
      project.position = event.position;
      this.changedProjects.add(event.projectId);
    }
  }

  private applyProjectEvent(event: StoredEvent): void {
    const entry = this.projects.get(event.aggregateId);
    // Idempotent by event: an event id is one version of one stream, so a version the row has passed is in already.
    if (entry && event.version <= entry.version) return;
    if (!entry && event.eventType !== "ProjectCreated") return;
    // Parsed, not trusted: a malformed payload is refused (and parked) rather than written into the rows.
    const parsed = ProjectEvent.parse(toDomainEvent(event));
    const after = evolveBoard({ ...(entry?.part ?? projectPart(undefined, [])), tasks: {} }, envelope(parsed, event));
    const { tasks: _none, ...part } = after;
    this.projects.set(event.aggregateId, { part, version: event.version, position: entry?.position ?? event.position, updatedAt: event.timestamp });
    this.changedProjects.add(event.aggregateId);
  }

  private applyTaskEvent(event: StoredEvent): void {
    const entry = this.cards.get(event.aggregateId);
    if (entry && event.version <= entry.version) return;
    // A task whose creation this model never applied (skipped by an operator) has no card to change.
    if (!entry && event.eventType !== "TaskCreated") return;
    const parsed = TaskEvent.parse(toDomainEvent(event));
    const before: Board = { ...projectPart(undefined, []), tasks: entry ? { [entry.card.id]: entry.card } : {} };
    const card = evolveBoard(before, envelope(parsed, event)).tasks[event.aggregateId]!;
    this.cards.set(card.id, { card, version: event.version });
    this.changedCards.add(card.id);
    for (const columnId of new Set([entry?.card.columnId, card.columnId])) {
      if (columnId !== undefined) this.recount.set(`${card.projectId} ${columnId}`, { projectId: card.projectId, columnId });
    }
  }
}

async function applyToBoard(tx: Tx, tables: BoardTables, events: StoredEvent[]): Promise<void> {
  const projectIds = [...new Set(events.flatMap((event) => (event.aggregateType === "project" ? [event.projectId, event.aggregateId] : [event.projectId])))];
  const taskIds = [...new Set(events.filter((event) => event.aggregateType === "task").map((event) => event.aggregateId))];
  const rows = await touchedRows(tx, tables, projectIds, taskIds);
  const fold = new BatchFold();
  const columns = new Map<string, ColumnRow[]>();
  for (const column of rows.columns) {
    const list = columns.get(column.project_id);
    if (list) list.push(column);
    else columns.set(column.project_id, [column]);
  }
  for (const row of rows.projects) {
    const part = projectPart(row, columns.get(row.project_id) ?? []);
    fold.projects.set(row.project_id, { part, version: row.version, position: Number(row.position), updatedAt: row.updated_at });
    fold.columnsRead.set(row.project_id, part.columns);
  }
  for (const row of rows.cards) fold.cards.set(row.task_id, { card: cardTask(row), version: row.version });
  for (const event of events) fold.apply(event);
  await writeBoard(tx, tables, fold);
}

function envelope(parsed: ProjectEvent | TaskEvent, event: StoredEvent): BoardEventInput {
  return { ...parsed, aggregateId: event.aggregateId, userId: event.metadata.userId, timestamp: event.timestamp };
}
