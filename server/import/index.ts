export { csvRecords, ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, tooLarge } from "./csv-records";
export { type BadRow, type ImportPlan, planImport } from "./plan";
export { checkImport, type ImportFile, type ImportProgress, type ImportReport, readImportFile, runImport } from "./run-import";
