import { type Db, statementName } from "../../db";
import { boardHeadTasks, type LoadedBoard } from "../../board-state";
import { StateCache } from "../../eventstore";
import { processWide } from "../../process-wide";
import { CARD_COLUMNS, type CardRow, type ColumnRow, cardTask, projectPart, type ProjectRow } from "./rows";
import { type BoardTables, boardTables } from "./tables";

export interface ReadModelBoard extends LoadedBoard {
  /** Live cards per column id, as the read model counts them. */
  taskCounts: Record<string, number>;
}

/** A project's cards as last read, with the signature of the rows they were read from. */
interface ReadCards {
  signature: string;
  tasks: LoadedBoard["tasks"];
  taskVersions: LoadedBoard["taskVersions"];
}

/**
 * Each project's cards as this process last read them. A board is read far more often than it changes, and
 * reading 200 cards cost more than all else a board.get does; so the statement sends the cards only when
 * their signature differs from the one held. Bounded by the cards held (BOARD_HEAD_TASKS, as board heads).
 */
function readCards(): StateCache<ReadCards> {
  return processWide("chronoboardReadModelCards", () => new StateCache<ReadCards>(boardHeadTasks()));
}

/**
 * A project's board from the read model, in the shape the fold gives (so board.get draws either alike).
 * One statement, so the project, its columns and its cards come from one snapshot even while a batch
 * commits. Null when the read model has not reached the project's creation yet. Boards that share cards
 * share their `tasks` and `taskVersions` objects, which are frozen.
 */
export async function readModelBoard(db: Db, projectId: string, tables: BoardTables = boardTables()): Promise<ReadModelBoard | null> {
  const key = `${tables.cards}:${projectId}`;
  const held = readCards().get(key);
  const { rows } = await db.query<{ project: ProjectRow | null; columns: ColumnRow[] | null; cards_signature: string } & Partial<CardRow>>({
    name: statementName(`chronoboard.read-model-board.${tables.cards}`),
    text: boardStatement(tables),
    values: [projectId, held?.signature ?? null],
  });
  const { project, columns, cards_signature: signature } = rows[0]!;
  if (!project || !columns) return null;
  const cards = held?.signature === signature ? held : keepCards(key, signature, (rows[0]!.task_id ? rows : []) as CardRow[]);
  return {
    ...projectPart(project, columns),
    tasks: cards.tasks,
    taskVersions: cards.taskVersions,
    projectVersion: project.version,
    position: Number(project.position),
    taskCounts: Object.fromEntries(columns.map((column) => [column.column_id, column.task_count])),
  };
}

function keepCards(key: string, signature: string, rows: CardRow[]): ReadCards {
  const cards = {
    signature,
    tasks: Object.freeze(Object.fromEntries(rows.map((card) => [card.task_id, Object.freeze(cardTask(card))]))),
    taskVersions: Object.freeze(Object.fromEntries(rows.map((card) => [card.task_id, card.version]))),
  };
  readCards().set(key, cards, rows.length + 1);
  return cards;
}

/*
 * The cards come as rows, the project and its columns as JSON on the first row only (or on the one row of a
 * board without cards): PostgreSQL spent several times longer building the cards' JSON than sending rows.
 * The signature is the number of the project's card rows and the sum of their xmin: any insert, update or
 * delete of one (a projected event, a rebuild's swap, a migration) writes a row with a newer transaction
 * id, so it changes. When it equals $2, the signature of the cards the caller holds, no card is sent.
 */
const boardStatement = (tables: BoardTables) => `
SELECT CASE WHEN c.n IS NULL OR c.n = 1 THEN h.project END AS project,
       CASE WHEN c.n IS NULL OR c.n = 1 THEN h.columns END AS columns, h.cards_signature, c.*
FROM (SELECT (SELECT row_to_json(p) FROM ${tables.projects} p WHERE project_id = $1) AS project,
             (SELECT coalesce(json_agg(c ORDER BY ordinal), '[]') FROM ${tables.columns} c WHERE project_id = $1) AS columns,
             (SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM ${tables.cards} WHERE project_id = $1) AS cards_signature) h
LEFT JOIN LATERAL (SELECT row_number() OVER () AS n, ${CARD_COLUMNS} FROM ${tables.cards}
                   WHERE project_id = $1 AND h.cards_signature IS DISTINCT FROM $2::text) c ON true`;
