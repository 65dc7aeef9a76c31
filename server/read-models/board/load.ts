import type { Db } from "../../db";
import type { LoadedBoard } from "../../board-state";
import { CARD_COLUMNS, type CardRow, type ColumnRow, cardTask, projectPart, type ProjectRow } from "./rows";
import { type BoardTables, boardTables } from "./tables";

export interface ReadModelBoard extends LoadedBoard {
  /** Live cards per column id, as the read model counts them. */
  taskCounts: Record<string, number>;
}

/**
 * A project's board from the read model, in the shape the fold gives (so board.get draws either alike).
 * One statement, so the project, its columns and its cards come from one snapshot even while a batch
 * commits. Null when the read model has not reached the project's creation yet.
 */
export async function readModelBoard(db: Db, projectId: string, tables: BoardTables = boardTables()): Promise<ReadModelBoard | null> {
  const { rows } = await db.query<{ project: ProjectRow | null; columns: ColumnRow[]; cards: CardRow[] }>(
    `SELECT
       (SELECT row_to_json(p) FROM ${tables.projects} p WHERE project_id = $1) AS project,
       (SELECT coalesce(json_agg(c ORDER BY ordinal), '[]') FROM ${tables.columns} c WHERE project_id = $1) AS columns,
       (SELECT coalesce(json_agg(t), '[]') FROM (SELECT ${CARD_COLUMNS} FROM ${tables.cards} WHERE project_id = $1) t) AS cards`,
    [projectId],
  );
  const { project, columns, cards } = rows[0]!;
  if (!project) return null;
  return {
    ...projectPart(project, columns),
    tasks: Object.fromEntries(cards.map((card) => [card.task_id, cardTask(card)])),
    taskVersions: Object.fromEntries(cards.map((card) => [card.task_id, card.version])),
    projectVersion: project.version,
    position: Number(project.position),
    taskCounts: Object.fromEntries(columns.map((column) => [column.column_id, column.task_count])),
  };
}
