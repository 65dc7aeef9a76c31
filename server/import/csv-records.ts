import { CsvError, parse } from "csv-parse/sync";

/** Largest import file accepted: 10,000 tasks with a paragraph of description each fit with room to spare. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most data rows in one import; the whole import is one transaction, and this bounds its length. */
export const MAX_IMPORT_ROWS = 20_000;

/** One data row: its cells by header (a header that repeats, as Jira's Labels does, gives a list). */
export interface CsvRecord {
  /** The file's line on which the row starts (1 = the header), as an editor numbers it. */
  line: number;
  cells: Record<string, string | string[]>;
}

/** A file that cannot be read as a table at all: answered 4xx, nothing is written. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 422 = 400,
  ) {
    super(message);
  }
}

/**
 * The rows of a CSV file. csv-parse (already used by the verifier, maintained with csv-stringify) handles
 * RFC 4180 quoting, line breaks inside quoted cells (Trello and Jira descriptions have them), a byte-order mark
 * (Excel saves one) and repeated headers (group_columns_by_name), and tells where each row ends.
 */
export function csvRecords(bytes: Uint8Array): { headers: string[]; records: CsvRecord[] } {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError("The file is not UTF-8 text; save it as CSV (UTF-8)");
  }
  if (text.trim() === "") throw new ImportFileError("The file is empty");
  let headers: string[] = [];
  let rows: { record: Record<string, string | string[]>; info: { lines: number }; raw: string }[];
  try {
    // One line ending throughout (Excel writes CRLF): csv-parse counts lines by it, and descriptions keep LF.
    rows = parse(text.replace(/\r\n?/g, "\n"), {
      bom: true,
      columns: (first: string[]) => (headers = first.map((name) => name.trim())),
      group_columns_by_name: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
      to: MAX_IMPORT_ROWS + 1,
    });
  } catch (error) {
    if (error instanceof CsvError) throw new ImportFileError(`The file is not valid CSV: ${error.message}`);
    throw error;
  }
  if (rows.length > MAX_IMPORT_ROWS) throw new ImportFileError(`The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows; split it`, 413);
  const records = rows
    .map(({ record, info, raw }) => ({
      // info.lines is where the row ends; a quoted cell may have spread it over several lines, and the raw text
      // starts with the blank lines skipped before it.
      line: info.lines - (raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g)?.length ?? 0),
      cells: record,
    }))
    // A row of empty cells (",,,", as spreadsheets leave at the end) is no task.
    .filter(({ cells }) => Object.values(cells).some((cell) => [cell].flat().some((value) => value.trim() !== "")));
  return { headers, records };
}

export const tooLarge = () => new ImportFileError(`The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`, 413);
