/** The board read model's tables; a rebuild writes copies named with a suffix. */
export interface BoardTables {
  projects: string;
  columns: string;
  cards: string;
}

export function boardTables(suffix = ""): BoardTables {
  return { projects: `board_projects${suffix}`, columns: `board_columns${suffix}`, cards: `board_cards${suffix}` };
}
