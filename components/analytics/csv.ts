import { stringify } from "csv-stringify/sync";
import { saveBlob } from "@/components/download/save-blob";
import type { NumbersTable } from "./types";

/**
 * RFC 4180 (CRLF, quoted where needed), instants in ISO 8601 UTC, with a byte order mark for spreadsheets. Text
 * that a spreadsheet would run as a formula (a column or task named "=HYPERLINK(…)") gets a leading '.
 */
export function toCsv({ header, rows }: NumbersTable): string {
  const plain = rows.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : (cell ?? ""))));
  return `\ufeff${stringify([header, ...plain], { record_delimiter: "windows", escape_formulas: true })}`;
}

export function downloadCsv(fileName: string, table: NumbersTable) {
  saveBlob(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), fileName);
}
