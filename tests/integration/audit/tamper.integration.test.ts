import { spawnSync } from "node:child_process";
import canonicalize from "canonicalize";
import { beforeAll, describe, expect, it } from "vitest";
import { linkHash } from "../../../scripts/verifier/chain";
import { verifyExport as verifyWith } from "../../../scripts/verifier/verify";
import { auditedProject, downloadExport, saveArchive, trustedKey, zip } from "../helpers/audit";

type ExportLine = { [field: string]: unknown; position: number; eventId: string; salt: unknown; prevHash: string; hash: string };

let entries: Map<string, Buffer>;
let csvEntries: Map<string, Buffer>;
let records: ExportLine[];
let lines: string[];
let trust: { keys: string[] };
let keyFile: string;

beforeAll(async () => {
  const { projectId, token } = await auditedProject(["One", "Two", "Three", "Four"]);
  ({ entries } = await downloadExport(projectId, token));
  ({ entries: csvEntries } = await downloadExport(projectId, token, "?format=csv"));
  lines = entries.get("events.ndjson")!.toString("utf8").split("\n").filter(Boolean);
  records = lines.map((line) => JSON.parse(line) as ExportLine);
  trust = await trustedKey();
  keyFile = saveArchive(Buffer.from(trust.keys[0]!), "key.pem");
});

const verifyExport = (file: string) => verifyWith(file, trust);

/** The archive with its events file (and optionally its manifest) replaced: the tampering happens in the zip. */
async function tampered(eventLines: string[], manifest?: (m: { [key: string]: unknown }) => void) {
  const changed = new Map(entries);
  changed.set("events.ndjson", Buffer.from(eventLines.map((l) => `${l}\n`).join("")));
  if (manifest) {
    const m = JSON.parse(entries.get("manifest.json")!.toString());
    manifest(m);
    changed.set("manifest.json", Buffer.from(`${canonicalize(m)}\n`));
  }
  return saveArchive(await zip(changed));
}

function runVerifier(file: string) {
  return spawnSync("npx", ["tsx", "scripts/verify-export.ts", file, "--key", keyFile], { encoding: "utf8" });
}

describe("the offline verifier", () => {
  it("verifies an untouched export and prints the chain head (exit 0)", async () => {
    const run = runVerifier(await tampered(lines));
    expect(run.stdout).toContain(`verified: ${records.length} events, chain head ${records.at(-1)!.hash}\n`);
    expect(run.stdout).toContain("not verified: the zip container itself");
    expect(run.stdout).toContain("authors.json (userName of each author)");
    expect(run.status).toBe(0);
  });

  it("finds a changed payload byte at that record (exit 1)", async () => {
    const changed = lines.with(7, lines[7]!.replace('"title":"Two"', '"title":"Twp"'));
    expect(changed[7]).not.toBe(lines[7]);
    const file = await tampered(changed);
    expect(await verifyExport(file)).toEqual({
      ok: false,
      reason: "its contents do not match its hash (the record was changed)",
      record: { n: 8, position: records[7]!.position, eventId: records[7]!.eventId },
    });
    const run = runVerifier(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`NOT VERIFIED at record 8 (position ${records[7]!.position}, event ${records[7]!.eventId}): its contents`);
  });

  it("finds a changed byte in a CSV export at that record", async () => {
    const csv = csvEntries.get("events.csv")!.toString("utf8");
    expect(csv).toContain('""title"":""Three""');
    const changed = new Map(csvEntries).set("events.csv", Buffer.from(csv.replace('""title"":""Three""', '""title"":""Thre3""')));
    const result = await verifyExport(saveArchive(await zip(changed)));
    expect(result).toMatchObject({ ok: false, record: { n: 9, position: records[8]!.position }, reason: expect.stringMatching(/contents do not match/) });
  });

  it("finds a removed row at the record after the gap", async () => {
    const result = await verifyExport(await tampered(lines.toSpliced(4, 1)));
    expect(result).toMatchObject({ ok: false, record: { n: 5, position: records[5]!.position }, reason: expect.stringMatching(/does not link to record 4/) });
  });

  it("finds two swapped rows at the first of them", async () => {
    const swapped = lines.with(5, lines[6]!).with(6, lines[5]!);
    const result = await verifyExport(await tampered(swapped));
    expect(result).toMatchObject({ ok: false, record: { n: 6, position: records[6]!.position }, reason: expect.stringMatching(/does not link to record 5/) });
  });

  it("finds a forged row inserted with correctly computed hashes at the forged row", async () => {
    const previous = records[2]!;
    const { salt, prevHash: _p, hash: _h, ...envelope } = { ...records[3]!, eventId: crypto.randomUUID(), payload: { title: "Forged" } };
    const forged = { ...envelope, salt, prevHash: previous.hash, hash: linkHash(previous.hash, envelope) };
    const result = await verifyExport(await tampered(lines.toSpliced(3, 0, canonicalize(forged)!)));
    expect(result).toMatchObject({ ok: false, record: { n: 4, eventId: forged.eventId }, reason: expect.stringMatching(/not part of the chain: record 5 links to record 3/) });
  });

  it("finds a row forged by copying another one with a change at that row", async () => {
    const copy = { ...records[3]!, payload: { ...(records[3]!.payload as object), title: "Forged" } };
    const result = await verifyExport(await tampered(lines.toSpliced(4, 0, canonicalize(copy)!)));
    expect(result).toMatchObject({ ok: false, record: { n: 5 }, reason: expect.stringMatching(/contents do not match/) });
  });

  it("finds rows added or removed at the end against the manifest's chain head", async () => {
    const cut = await verifyExport(await tampered(lines.slice(0, -1)));
    expect(cut).toMatchObject({ ok: false, reason: expect.stringMatching(/records are missing at the end/) });
    const extra = { ...records.at(-1)!, eventId: crypto.randomUUID() };
    const { salt: _s, prevHash: _p, hash: _h, ...envelope } = extra;
    const appended = { ...extra, prevHash: records.at(-1)!.hash, hash: linkHash(records.at(-1)!.hash, envelope) };
    const added = await verifyExport(await tampered([...lines, canonicalize(appended)!]));
    expect(added).toMatchObject({ ok: false, record: { n: records.length + 1 }, reason: expect.stringMatching(/not part of the chain/) });
  });

  it("refuses a manifest changed in any way: its signature no longer verifies", async () => {
    for (const change of [
      (m: { [key: string]: unknown }) => ((m.eventsFile as { sha256: string }).sha256 = "0".repeat(64)),
      (m: { [key: string]: unknown }) => (m.eventCount = records.length - 2),
    ]) {
      const result = await verifyExport(await tampered(lines, (m) => change(m)));
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^manifest\.json's signature does not verify/) });
    }
  });
});
