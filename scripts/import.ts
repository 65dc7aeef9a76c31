/**
 * Creates tasks from a CSV export of Trello or Jira (README, "Import"), as the board's Import CSV dialog does:
 *
 *   npm run import -- --project <id> --as <email> [--skip-bad-rows] <file.csv>
 *
 * The actor must be an owner, admin or member of the project. Exit codes: 0 written (or already imported),
 * 1 bad rows and nothing written, 2 usage or an unreadable file.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { getPool } from "../server/db";
import { editors, projectAccess } from "../server/api/project-procedure";
import { ImportFileError, MAX_IMPORT_BYTES, readImportFile, runImport, tooLarge } from "../server/import";
import { userByEmail } from "../server/read-models";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { project: { type: "string" }, as: { type: "string" }, "skip-bad-rows": { type: "boolean", default: false } },
});
const path = positionals[0];
if (!values.project || !values.as || !path || positionals.length !== 1) {
  console.error("usage: npm run import -- --project <id> --as <email> [--skip-bad-rows] <file.csv>");
  process.exit(2);
}

const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

const db = getPool();
const user = (await userByEmail(db, values.as)) ?? fail(`No user with the email ${values.as}`, 2);
const access = await projectAccess(db, user.id, values.project, editors).catch(() => null);
if (!access) fail(`No project ${values.project} that ${values.as} may add tasks to (owners, admins and members may)`, 2);

let file;
try {
  if (statSync(path).size > MAX_IMPORT_BYTES) throw tooLarge();
  file = readImportFile(values.project, readFileSync(path));
} catch (error) {
  if (error instanceof ImportFileError) fail(`${path}: ${error.message}`, 2);
  if ((error as NodeJS.ErrnoException).code === "ENOENT") fail(`${path}: no such file`, 2);
  throw error;
}

/** One line on the terminal, redrawn: [#####.....] 45% 4,500 / 10,000 written. */
function bar(done: number, total: number) {
  if (!process.stderr.isTTY && done < total) return;
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * 30);
  const line = `[${"#".repeat(filled)}${".".repeat(30 - filled)}] ${Math.round(share * 100)}% ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} written`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  if (process.stderr.isTTY && done === total) process.stderr.write("\n");
}

const started = performance.now();
const report = await runImport({
  projectId: values.project,
  user,
  correlationId: file.importId,
  file,
  skipBadRows: values["skip-bad-rows"],
  onProgress: ({ done, total }) => bar(done, total),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const row of report.badRows) console.error(`line ${row.line}: ${row.message}`);
for (const c of report.unknownColumns) console.error(`no column "${c.name}": ${c.rows} row(s) put in the board's first column`);
for (const a of report.unknownAssignees) console.error(`"${a.name}" is not a member: ${a.rows} task(s) left unassigned`);
if (report.badRows.length > 0 && !report.skipped) {
  fail(`${report.badRows.length} bad row(s): nothing written. Fix them, or run again with --skip-bad-rows`, 1);
}
const skipped = report.skipped ? `, ${report.badRows.length} bad row(s) skipped (listed above)` : "";
const again = report.alreadyImported > 0 ? `, ${report.alreadyImported} already imported by an earlier run` : "";
console.log(`${report.created} task(s) created in ${seconds} s${again}${skipped} (import ${report.importId})`);
await db.end();
process.exit(0);
