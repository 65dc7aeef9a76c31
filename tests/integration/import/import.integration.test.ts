import { beforeEach, describe, expect, it } from "vitest";
import { createApiToken } from "../../../server/auth";
import { loadBoard } from "../../../server/board-state";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { importResponse, type ImportStreamLine } from "../../../server/api/http/import";
import { MAX_IMPORT_BYTES, readImportFile, runImport } from "../../../server/import";
import { cmd, signedUpUser } from "../helpers/api";

/** A Trello export's columns; line 4's description spans two lines, so line 5 is the third card. */
const TRELLO = [
  "Card ID,Card Name,Card Description,Labels,Members,Due Date,List Name",
  'c1,Write the plan,"First, the outline",Bug (red),Alice Tester (alice),2026-05-01T12:00:00.000Z,In progress',
  "c2,Review budget,,\"Finance (green), (blue)\",,,Backlog",
  'c3,Ship it,"two',
  'lines",,,,Done',
].join("\n");

/**
 * A Jira export's columns (Labels repeats). Line 2's description spans two lines; the row on lines 4–5 has a
 * title over 200 characters (and a two-line description), line 6 a date Jira never writes.
 */
const JIRA = [
  "Summary,Issue key,Status,Priority,Labels,Labels,Due date,Assignee,Description",
  'Fix login,CB-1,To do,Highest,auth,urgent,01/May/26 12:00 AM,,"Users cannot',
  'sign in"',
  `${"x".repeat(201)},CB-2,Done,Low,,,,,"too`,
  'long"',
  "Tidy up,CB-3,Review,Medium,,,31/31/2026,,",
  "Write docs,CB-4,In progress,Lowest,docs,,2026-06-30,,",
].join("\n");

let subject: Awaited<ReturnType<typeof setUp>>;
async function setUp() {
  const alice = await signedUpUser("Alice Tester");
  const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Imports" });
  return { alice, projectId };
}
beforeEach(async () => {
  subject = await setUp();
});

async function post(csv: string | Uint8Array, query = "", cookie = subject.alice.cookie) {
  const response = await importResponse(
    new Request(`http://localhost/api/v1/projects/${subject.projectId}/import${query}`, {
      method: "POST",
      headers: { cookie, "content-type": "text/csv" },
      body: csv as BodyInit,
    }),
    subject.projectId,
  );
  const text = await response.text();
  const lines = response.headers.get("content-type") === "application/x-ndjson" ? text.trim().split("\n").map((l) => JSON.parse(l) as ImportStreamLine) : [];
  return { status: response.status, json: lines.length ? null : (JSON.parse(text) as { error: string; badRows?: { line: number; message: string }[] }), lines };
}
const reportOf = (lines: ImportStreamLine[]) => {
  const done = lines.at(-1)!;
  if (done.type !== "done") throw new Error(`no report: ${JSON.stringify(done)}`);
  return done.report;
};
const taskEvents = async () => (await readProject(getPool(), subject.projectId)).filter((e) => e.eventType === "TaskCreated");
const tasks = async () => Object.values((await loadBoard(getPool(), subject.projectId)).tasks);

describe("bulk import from CSV", () => {
  it("creates one task per row of a Trello export, one TaskCreated command each, with the fields mapped", async () => {
    const { status, lines } = await post(TRELLO);
    expect(status).toBe(200);
    const report = reportOf(lines);
    expect(report).toMatchObject({ rows: 3, created: 3, alreadyImported: 0, badRows: [], unknownColumns: [{ name: "Backlog", rows: 1 }] });
    expect(lines.filter((l) => l.type === "progress").at(-1)).toEqual({ type: "progress", phase: "writing", done: 3, total: 3 });
    const events = await taskEvents();
    expect(events).toHaveLength(3);
    // Each row its own command: its own stream, its own causation id.
    expect(new Set(events.map((e) => e.metadata.causationId)).size).toBe(3);
    const board = await loadBoard(getPool(), subject.projectId);
    const column = (name: string) => board.columns.find((c) => c.name === name)!.id;
    const byTitle = Object.fromEntries(Object.values(board.tasks).map((t) => [t.title, t]));
    expect(byTitle["Write the plan"]).toMatchObject({
      columnId: column("In progress"),
      description: "First, the outline",
      labels: ["Bug"],
      dueDate: "2026-05-01",
      assigneeId: subject.alice.user.id,
    });
    expect(byTitle["Review budget"]).toMatchObject({ columnId: column("To do"), labels: ["Finance"] });
    expect(byTitle["Ship it"]).toMatchObject({ columnId: column("Done"), description: "two\nlines" });
  });

  it("writes nothing when a row is bad, and reports each bad row by its line", async () => {
    const { status, json } = await post(JIRA);
    expect(status).toBe(422);
    expect(json!.badRows).toEqual([
      { line: 4, message: "Title is longer than 200 characters" },
      { line: 6, message: 'Due date "31/31/2026" is not a date (use YYYY-MM-DD)' },
    ]);
    expect(json!.error).toBe("2 bad rows: nothing was written");
    expect(await taskEvents()).toHaveLength(0);
  });

  it("with skipBadRows writes the good rows and lists the skipped ones", async () => {
    const { status, lines } = await post(JIRA, "?skipBadRows=true");
    expect(status).toBe(200);
    const report = reportOf(lines);
    expect(report).toMatchObject({ created: 2, skipped: true, badRows: [{ line: 4 }, { line: 6 }] });
    const byTitle = Object.fromEntries((await tasks()).map((t) => [t.title, t]));
    expect(Object.keys(byTitle).sort()).toEqual(["Fix login", "Write docs"]);
    expect(byTitle["Fix login"]).toMatchObject({ priority: "urgent", labels: ["auth", "urgent"], dueDate: "2026-05-01", description: "Users cannot\nsign in" });
    expect(byTitle["Write docs"]).toMatchObject({ priority: "low", labels: ["docs"], dueDate: "2026-06-30" });
  });

  it("does not duplicate anything when the same file is imported again, one after the other or at once", async () => {
    expect(reportOf((await post(TRELLO)).lines).created).toBe(3);
    const again = reportOf((await post(TRELLO)).lines);
    expect(again).toMatchObject({ created: 0, alreadyImported: 3 });
    const other = TRELLO.replace("Ship it", "Ship it twice");
    const both = await Promise.all([post(other), post(other)]);
    expect(both.map((b) => reportOf(b.lines).created).sort()).toEqual([0, 3]);
    expect(await taskEvents()).toHaveLength(6);
  });

  it("refuses a column's row past its WIP limit, as task.create does", async () => {
    const board = await loadBoard(getPool(), subject.projectId);
    const review = board.columns.find((c) => c.name === "Review")!;
    await subject.alice.caller.column.setWipLimit({ ...cmd(), projectId: subject.projectId, columnId: review.id, wipLimit: 2 });
    const csv = ["Summary,Status", "a,Review", "b,Review", "c,Review", "d,Done"].join("\n");
    const { status, json } = await post(csv);
    expect(status).toBe(422);
    expect(json!.badRows).toEqual([{ line: 4, message: 'Column "Review" has reached its WIP limit of 2; finish or move a task first' }]);
  });

  it("writes nothing of a file when the import fails midway (one transaction)", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `Task ${i + 1},To do`);
    const file = readImportFile(subject.projectId, Buffer.from(["Summary,Status", ...rows].join("\n")));
    let chunks = 0;
    const failing = runImport({
      projectId: subject.projectId,
      user: subject.alice.user,
      correlationId: file.importId,
      file,
      skipBadRows: false,
      onProgress: ({ done }) => {
        if (done > 0 && ++chunks === 2) throw new Error("the process died");
      },
    });
    await expect(failing).rejects.toThrow("the process died");
    expect(await taskEvents()).toHaveLength(0);
    // The same file afterwards goes through whole.
    const report = await runImport({ projectId: subject.projectId, user: subject.alice.user, correlationId: file.importId, file, skipBadRows: false });
    expect(report.created).toBe(2500);
    expect(await taskEvents()).toHaveLength(2500);
  });

  it("answers a file it cannot read with a 4xx and a clear message, never a 500", async () => {
    const cases: [string | Uint8Array, number, string][] = [
      ["", 400, "The file is empty"],
      ['Summary,Status\n"never closed,To do\n', 400, "The file is not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2"],
      [new Uint8Array([0x53, 0x75, 0x6d, 0xff, 0xfe, 0x0a]), 400, "The file is not UTF-8 text; save it as CSV (UTF-8)"],
      ["Key,Status\nCB-1,Done\n", 422, "The file has no title column: name it Card Name or Name (Trello), Summary (Jira) or Title"],
      [new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), 413, "The file is over 10 MB; split it"],
    ];
    for (const [body, status, error] of cases) {
      const answer = await post(body);
      expect({ status: answer.status, error: answer.json?.error }).toEqual({ status, error });
    }
    expect(await taskEvents()).toHaveLength(0);
  });

  it("takes a signed-in session, not an API token (tokens only read)", async () => {
    const token = (await createApiToken(subject.alice.user.id, "import test")).token;
    const response = await importResponse(
      new Request(`http://localhost/api/v1/projects/${subject.projectId}/import`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: TRELLO }),
      subject.projectId,
    );
    expect(response.status).toBe(403);
    expect(await taskEvents()).toHaveLength(0);
  });

  it("lets only the project's editors import", async () => {
    const viewer = await signedUpUser("Viewer");
    await subject.alice.caller.project.addMember({ ...cmd(), projectId: subject.projectId, email: viewer.user.email, role: "viewer" });
    expect((await post(TRELLO, "", viewer.cookie)).status).toBe(404);
    expect(await taskEvents()).toHaveLength(0);
  });
});
