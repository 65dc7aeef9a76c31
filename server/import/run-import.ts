import { createHash } from "node:crypto";
import { loadBoard } from "../board-state";
import { type Db, getPool, isUniqueViolation } from "../db";
import { currentEventVersion } from "../domain";
import { announceChange, appendNewStreams, stableUuid } from "../eventstore";
import { membersWithRoles } from "../read-models";
import { type CsvRecord, csvRecords } from "./csv-records";
import { type HeaderMap, headerMap } from "./export-columns";
import { type BadRow, type ImportPlan, planImport } from "./plan";

export interface ImportFile {
  importId: string;
  headers: HeaderMap;
  records: CsvRecord[];
}

export type ImportProgress = { phase: "checking" | "writing"; done: number; total: number };

export interface ImportReport {
  importId: string;
  rows: number;
  /** Tasks this run wrote. */
  created: number;
  /** Rows whose task an earlier run of the same file already wrote (a retried import). */
  alreadyImported: number;
  /** Rows that break a rule; when not skipped, nothing was written because of them. */
  badRows: BadRow[];
  skipped: boolean;
  unknownColumns: ImportPlan["unknownColumns"];
  unknownAssignees: ImportPlan["unknownAssignees"];
  /** Global position of the last event written, to wait for on the board (board.get's position). */
  position: number | null;
}

/**
 * The file's rows and the import's id. The id is derived from the project and the file's bytes, and each
 * row's command id from the import id and the row's line: sending the same file again (a retry after a lost
 * answer, a double click) derives the same event ids, which the store recognises, so nothing is duplicated.
 * A changed file is a new import.
 */
export function readImportFile(projectId: string, bytes: Uint8Array): ImportFile {
  const { headers, records } = csvRecords(bytes);
  const digest = createHash("sha256").update(projectId).update("\0").update(bytes).digest("hex");
  return { importId: stableUuid(digest, "import"), headers: headerMap(headers), records };
}

/** The plan on the board as it is now, without locks: what a caller shows before anything is written. */
export async function checkImport(db: Db, projectId: string, file: ImportFile): Promise<ImportPlan> {
  const board = await loadBoard(db, projectId);
  const members = await membersWithRoles(db, board.members);
  return planImport({ ...file, board, members });
}

/**
 * Writes the file's tasks, one TaskCreated command per row, in ONE transaction: all of them or, when the
 * process or the database fails midway, none. Rows are decided inside the transaction on the board read
 * after taking the WIP turn of every limited column (the advisory locks task.create takes, see
 * wip-lock.ts), so concurrent creates cannot push a column past its limit. With bad rows and no skipBadRows,
 * nothing is written and the rows are reported.
 */
export async function runImport(args: {
  projectId: string;
  user: { id: string };
  correlationId: string;
  file: ImportFile;
  skipBadRows: boolean;
  onProgress?: (progress: ImportProgress) => void;
}): Promise<ImportReport> {
  try {
    return await importOnce(args);
  } catch (error) {
    // The same file sent twice at once: the later transaction met the earlier one's event ids at commit.
    // Run again: it now finds them stored and reports them as already imported.
    if (isUniqueViolation(error, "events_event_id_key")) return importOnce(args);
    throw error;
  }
}

async function importOnce(args: Parameters<typeof runImport>[0]): Promise<ImportReport> {
  const { projectId, file, skipBadRows, onProgress } = args;
  const client = await getPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const unlocked = await loadBoard(client, projectId);
    const limited = unlocked.columns.filter((c) => c.wipLimit !== null).map((c) => `wip:${projectId}:${c.id}`).sort();
    for (const key of limited) await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
    const board = limited.length > 0 ? await loadBoard(client, projectId) : unlocked;
    const plan = planImport({ ...file, board, members: await membersWithRoles(client, board.members) });
    const report = { importId: file.importId, rows: file.records.length, badRows: plan.badRows, skipped: skipBadRows && plan.badRows.length > 0 };
    const notes = { unknownColumns: plan.unknownColumns, unknownAssignees: plan.unknownAssignees };
    if (plan.badRows.length > 0 && !skipBadRows) {
      await client.query("ROLLBACK");
      return { ...report, ...notes, created: 0, alreadyImported: 0, position: null };
    }
    onProgress?.({ phase: "writing", done: 0, total: plan.tasks.length });
    const metadata = { userId: args.user.id, correlationId: args.correlationId };
    const written = await appendNewStreams(
      client,
      projectId,
      plan.tasks.map((task) => ({
        aggregateType: "task",
        aggregateId: task.taskId,
        eventId: stableUuid(task.commandId, 0),
        eventType: task.event.type,
        eventVersion: currentEventVersion[task.event.type],
        payload: task.event.data,
        metadata: { ...metadata, causationId: task.commandId },
      })),
      (done, total) => onProgress?.({ phase: "writing", done, total }),
    );
    await client.query("COMMIT");
    if (written.written > 0) announceChange(getPool(), projectId);
    return { ...report, ...notes, created: written.written, alreadyImported: written.alreadyStored, position: written.lastPosition };
  } catch (error) {
    await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
    throw error;
  } finally {
    client.release(broken);
  }
}
