import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH } from "../../../server/audit/chain-hash";
import { RECORD_FIELDS } from "../../../server/audit/export/events-file";
import { auth, createApiToken } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { currentEventVersion } from "../../../server/domain";
import { appendToStream, readProject } from "../../../server/eventstore";
import { verifyExport } from "../../../scripts/verifier/verify";
import { cmd, signedUpUser } from "../helpers/api";
import { auditedProject, downloadExport, requestExport, saveArchive, trustedKey, unzip } from "../helpers/audit";

const ndjson = (bytes: Buffer) =>
  bytes
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const manifestOf = (entries: Map<string, Buffer>) => JSON.parse(entries.get("manifest.json")!.toString("utf8"));

describe("GET /api/v1/projects/{projectId}/export", () => {
  it("answers 401 without credentials, 404 to strangers and to members without an audit role, 400 to a bad query", async () => {
    const { owner, projectId, token } = await auditedProject();
    const stranger = await signedUpUser("Mallory");
    const viewer = await signedUpUser("Vera");
    await owner.caller.project.addMember({ ...cmd(), projectId, email: viewer.user.email, role: "viewer" });
    const bearer = async (userId: string) => ({ authorization: `Bearer ${(await createApiToken(userId, "t")).token}` });

    expect((await requestExport(projectId, "")).status).toBe(401);
    expect((await requestExport(projectId, "", { authorization: "Bearer cbt_not-a-token" })).status).toBe(401);
    expect((await requestExport(projectId, "", await bearer(stranger.user.id))).status).toBe(404);
    expect((await requestExport(randomUUID(), "", await bearer(stranger.user.id))).status).toBe(404);
    expect((await requestExport(projectId, "", await bearer(viewer.user.id))).status).toBe(404);
    const owners = { authorization: `Bearer ${token}` };
    expect((await requestExport(projectId, "?format=xml", owners)).status).toBe(400);
    expect((await requestExport(projectId, "?from=yesterday", owners)).status).toBe(400);
    expect((await requestExport(projectId, "?from=2030-01-02&to=2030-01-01", owners)).status).toBe(400);
    expect((await readProject(getPool(), projectId)).map((e) => e.eventType)).not.toContain("ExportGenerated");
  });

  it("streams a zip of every event as stored with its links, a manifest and VERIFY.txt, and records the export", async () => {
    const { owner, projectId, token } = await auditedProject();
    const stored = await readProject(getPool(), projectId);
    const { response, bytes, entries } = await downloadExport(projectId, token);

    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chronoboard-audit-.+\.zip"$/);
    expect(response.headers.get("x-event-count")).toBe(String(stored.length));
    expect([...entries.keys()].sort()).toEqual(["VERIFY.txt", "authors.json", "events.ndjson", "manifest.json"]);
    // Authors' names are not part of the records (the log does not hold them): they are in authors.json.
    expect(JSON.parse(entries.get("authors.json")!.toString())).toEqual({ [owner.user.id]: "Olivia Owner" });

    const records = ndjson(entries.get("events.ndjson")!);
    expect(records.map((r) => r.eventId)).toEqual(stored.map((e) => e.eventId));
    for (const [i, record] of records.entries()) {
      const event = stored[i]!;
      // Each line is in RFC 8785 form, so its members are sorted.
      expect(Object.keys(record)).toEqual([...RECORD_FIELDS].sort());
      expect(record).toMatchObject({
        position: event.position,
        eventType: event.eventType,
        eventVersion: event.eventVersion,
        aggregateType: event.aggregateType,
        aggregateId: event.aggregateId,
        version: event.version,
        projectId,
        payload: event.payload,
        metadata: event.metadata,
        prevHash: i === 0 ? GENESIS_HASH : records[i - 1]!.hash,
      });
      expect((record.timestamp as string).slice(0, 23)).toBe(event.timestamp.toISOString().slice(0, 23));
    }

    const manifest = manifestOf(entries);
    expect(manifest).toMatchObject({
      project: { id: projectId, name: "Audited" },
      range: { from: null, to: null },
      eventCount: stored.length,
      firstPosition: stored[0]!.position,
      lastPosition: stored.at(-1)!.position,
      hashBeforeRange: GENESIS_HASH,
      lastHash: records.at(-1)!.hash,
      eventsFile: { name: "events.ndjson", format: "ndjson", sha256: createHash("sha256").update(entries.get("events.ndjson")!).digest("hex") },
      generatedBy: { userId: owner.user.id, name: "Olivia Owner" },
    });
    expect(entries.get("VERIFY.txt")!.toString()).toContain("npm run verify -- <this archive>.zip");

    const recorded = (await readProject(getPool(), projectId)).at(-1)!;
    expect(recorded).toMatchObject({ eventId: manifest.exportEventId, eventType: "ExportGenerated", metadata: { userId: owner.user.id } });
    expect(recorded.payload).toEqual({
      format: "ndjson",
      from: null,
      to: null,
      eventCount: stored.length,
      firstPosition: manifest.firstPosition,
      lastPosition: manifest.lastPosition,
      hashBeforeRange: GENESIS_HASH,
      lastHash: manifest.lastHash,
    });
    expect(await verifyExport(saveArchive(bytes), await trustedKey())).toMatchObject({ ok: true, eventCount: stored.length, head: manifest.lastHash });
  });

  it("lets an auditor download with the session cookie", async () => {
    const { owner, projectId } = await auditedProject();
    const email = `${randomUUID()}@test.chronoboard.dev`;
    await auth.api.signUpEmail({ body: { name: "Aude Auditor", email, password: "correct horse battery" } });
    await owner.caller.project.addMember({ ...cmd(), projectId, email, role: "auditor" });
    const signIn = await auth.api.signInEmail({ body: { email, password: "correct horse battery" }, returnHeaders: true });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

    const response = await requestExport(projectId, "?format=csv", { cookie });
    expect(response.status).toBe(200);
    const entries = await unzip(Buffer.from(await response.arrayBuffer()));
    expect(manifestOf(entries).generatedBy.name).toBe("Aude Auditor");
  });

  it("exports a time range as a contiguous part of the chain, and consecutive ranges join up", async () => {
    const { owner, projectId, columnId, token } = await auditedProject(["Before"]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const cut = new Date().toISOString();
    await owner.caller.task.create({ ...cmd(), projectId, columnId, title: "After" });

    const before = await downloadExport(projectId, token, `?to=${cut}`);
    const after = await downloadExport(projectId, token, `?from=${cut}&format=csv`);
    const early = manifestOf(before.entries);
    const late = manifestOf(after.entries);
    expect(early.range).toEqual({ from: null, to: cut.replace("Z", "000Z") });
    expect(ndjson(before.entries.get("events.ndjson")!).at(-1)!.payload).toMatchObject({ title: "Before" });
    expect(late.hashBeforeRange).toBe(early.lastHash);
    // The later range holds the task made after the cut and the record of the first export.
    expect(late.eventCount).toBe(2);
    expect((await verifyExport(saveArchive(before.bytes), await trustedKey())).ok).toBe(true);
    expect((await verifyExport(saveArchive(after.bytes), await trustedKey())).ok).toBe(true);

    const empty = manifestOf((await downloadExport(projectId, token, "?from=2001-01-01&to=2001-01-02")).entries);
    expect(empty).toMatchObject({ eventCount: 0, firstPosition: null, lastPosition: null, hashBeforeRange: GENESIS_HASH, lastHash: GENESIS_HASH });
  });

  it("writes CSV that a CSV reader parses back: quotes, commas, line breaks and non-ASCII text", async () => {
    const titles = ['Say "hello", then wave', "Line one\nline two\r\nline three", "Ünïcødé – 日本語 – 🚀, ok?"];
    const { projectId, token } = await auditedProject(titles);
    const { bytes, entries } = await downloadExport(projectId, token, "?format=csv");
    const text = entries.get("events.csv")!.toString("utf8");
    expect(text.startsWith("\ufeffposition,timestamp,")).toBe(true);

    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(manifestOf(entries).eventCount);
    expect(Object.keys(rows[0]!)).toEqual([...RECORD_FIELDS]);
    const created = rows.filter((row) => row.eventType === "TaskCreated");
    expect(created.map((row) => JSON.parse(row.payload!).title)).toEqual(titles);
    expect(await verifyExport(saveArchive(bytes), await trustedKey())).toMatchObject({ ok: true, eventCount: rows.length });
  });

  it("writes no CSV cell a spreadsheet runs as a formula, and the export still verifies", async () => {
    const owner = await signedUpUser('=HYPERLINK("http://evil.example","open me")');
    const { projectId } = await owner.caller.project.create({ ...cmd(), name: "+Formulas" });
    const board = await owner.caller.board.get({ projectId });
    await owner.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "@SUM(A1:A9)" });
    const { token } = await createApiToken(owner.user.id, "t");
    const { bytes, entries } = await downloadExport(projectId, token, "?format=csv");

    const rows = parse(entries.get("events.csv")!.toString("utf8"), { bom: true }) as string[][];
    const risky = rows.flat().filter((cell) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell));
    expect(risky).toEqual([]);
    const named = rows.slice(1).map((row) => row[RECORD_FIELDS.indexOf("userName")]);
    expect(named).toContain(`'=HYPERLINK("http://evil.example","open me")`);
    expect(await verifyExport(saveArchive(bytes))).toMatchObject({ ok: true, eventCount: rows.length - 1 });
    expect(entries.get("VERIFY.txt")!.toString("utf8")).toMatch(/apostrophe/);
  });

  it("exports events of several schema versions as they were stored", async () => {
    const { projectId, columnId, token } = await auditedProject(["Written today"]);
    const v1 = { projectId, columnId, rank: "a0", title: "Written by v1", description: "", assigneeId: null, labels: [], dueDate: null };
    await appendToStream(getPool(), {
      aggregateType: "task",
      aggregateId: randomUUID(),
      projectId,
      expectedVersion: 0,
      events: [{ eventId: randomUUID(), eventType: "TaskCreated", eventVersion: 1, payload: v1 }],
      metadata: { userId: "importer", correlationId: randomUUID(), causationId: randomUUID() },
    });
    const { bytes, entries } = await downloadExport(projectId, token);
    const created = ndjson(entries.get("events.ndjson")!).filter((r) => r.eventType === "TaskCreated");
    expect(created.map((r) => r.eventVersion)).toEqual([currentEventVersion.TaskCreated, 1]);
    expect(created[1]).toMatchObject({ payload: v1 });
    expect((await verifyExport(saveArchive(bytes), await trustedKey())).ok).toBe(true);
  });
});
