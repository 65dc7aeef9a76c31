import { createHash } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import { type Archive, openArchive, readText } from "./archive";
import { isSha256Hex, linkHash, RecentHashes, type RecordRef } from "./chain";
import { csvRecords, type ExportedRecord, ndjsonRecords, RecordError } from "./records";

export type VerifyResult = { ok: true; eventCount: number; head: string } | { ok: false; reason: string; record?: RecordRef };

interface Manifest {
  project: { id: string };
  eventCount: number;
  firstPosition: number | null;
  lastPosition: number | null;
  hashBeforeRange: string;
  lastHash: string;
  eventsFile: { name: string; format: "ndjson" | "csv"; sha256: string };
}

/** Checks an export archive on its own: every hash, the chain's continuity, the count and the file hash. */
export async function verifyExport(path: string): Promise<VerifyResult> {
  let archive: Archive;
  try {
    archive = await openArchive(path);
  } catch (error) {
    return { ok: false, reason: `not a readable zip archive (${(error as Error).message})` };
  }
  try {
    if (!archive.names.includes("manifest.json")) return { ok: false, reason: "the archive has no manifest.json" };
    const manifest = parseManifest(await readText(archive, "manifest.json"));
    if (typeof manifest === "string") return { ok: false, reason: `manifest.json ${manifest}` };
    const file = manifest.eventsFile;
    if (!archive.names.includes(file.name)) return { ok: false, reason: `the archive has no ${file.name}` };
    return await verifyEvents(await archive.open(file.name), manifest);
  } finally {
    archive.close();
  }
}

function parseManifest(text: string): Manifest | string {
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    return "is not valid JSON";
  }
  const position = (p: unknown) => p === null || Number.isSafeInteger(p);
  if (
    typeof m?.project?.id !== "string" ||
    !Number.isSafeInteger(m.eventCount) ||
    !position(m.firstPosition) ||
    !position(m.lastPosition) ||
    !isSha256Hex(m.hashBeforeRange) ||
    !isSha256Hex(m.lastHash) ||
    typeof m.eventsFile?.name !== "string" ||
    !["ndjson", "csv"].includes(m.eventsFile.format) ||
    !isSha256Hex(m.eventsFile.sha256)
  ) {
    return "lacks a field the check needs, or one is malformed";
  }
  return m;
}

async function verifyEvents(input: Readable, manifest: Manifest): Promise<VerifyResult> {
  const digest = createHash("sha256");
  const hashed = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        digest.update(chunk);
        done(null, chunk);
      },
    }),
  );
  const records = manifest.eventsFile.format === "csv" ? csvRecords(hashed) : ndjsonRecords(hashed);
  const recent = new RecentHashes();
  let head = manifest.hashBeforeRange;
  let n = 0;
  let first: ExportedRecord | undefined;
  let last: ExportedRecord | undefined;

  try {
    for await (const record of records) {
      n += 1;
      const failure = checkRecord(record, n, head, recent, manifest.project.id);
      if (failure) {
        input.destroy();
        hashed.destroy();
        return failure;
      }
      head = record.hash as string;
      recent.add(head, refOf(record, n));
      first ??= record;
      last = record;
    }
  } catch (error) {
    input.destroy();
    hashed.destroy();
    if (error instanceof RecordError) return { ok: false, reason: error.message, ...(error.n ? { record: { n: error.n } } : {}) };
    return { ok: false, reason: `the events file cannot be read: ${(error as Error).message}`, record: { n: n + 1 } };
  }

  if (head !== manifest.lastHash) {
    const j = recent.withHash(manifest.lastHash);
    if (j !== undefined) {
      return { ok: false, reason: `records after record ${j.n} are not part of the chain: the manifest's lastHash is record ${j.n}'s hash`, record: recent.after(j) };
    }
    return { ok: false, reason: "the last record's hash is not the manifest's lastHash: records are missing at the end, or the manifest was changed" };
  }
  if (n !== manifest.eventCount) return { ok: false, reason: `the file holds ${n} records, the manifest says ${manifest.eventCount}` };
  if ((first?.envelope.position ?? null) !== manifest.firstPosition || (last?.envelope.position ?? null) !== manifest.lastPosition) {
    return { ok: false, reason: "the first or last position differs from the manifest" };
  }
  const sha256 = digest.digest("hex");
  if (sha256 !== manifest.eventsFile.sha256) {
    return { ok: false, reason: `the SHA-256 of ${manifest.eventsFile.name} is ${sha256}, the manifest says ${manifest.eventsFile.sha256}` };
  }
  return { ok: true, eventCount: n, head };
}

function refOf(record: ExportedRecord, n: number): RecordRef {
  return { n, position: record.envelope.position, eventId: record.envelope.eventId };
}

/*
 * A record's own hash is checked against the previous hash it names, so a record that is intact but out
 * of place fails on its link instead, where a link back to an earlier record tells which records in
 * between do not belong.
 */
function checkRecord(record: ExportedRecord, n: number, head: string, recent: RecentHashes, projectId: string): VerifyResult | null {
  const fail = (reason: string, where = refOf(record, n)): VerifyResult => ({ ok: false, reason, record: where });
  if (!isSha256Hex(record.prevHash) || !isSha256Hex(record.hash)) return fail("prevHash or hash is not a SHA-256 in lowercase hex");
  if (record.envelope.projectId !== projectId) return fail("it belongs to another project than the manifest's");
  let computed: string;
  try {
    computed = linkHash(record.prevHash, record.envelope);
  } catch (error) {
    return fail(`it cannot be canonicalised: ${(error as Error).message}`);
  }
  if (computed !== record.hash) return fail("its contents do not match its hash (the record was changed)");
  const earlier = recent.withHash(record.hash);
  if (earlier !== undefined) return fail(`it repeats record ${earlier.n}`);
  if (record.prevHash === head) return null;
  if (n === 1) return fail("its previous hash is not the manifest's hashBeforeRange (the range does not start here)");
  const j = recent.withHash(record.prevHash);
  if (j !== undefined) return fail(`it is not part of the chain: record ${n} links to record ${j.n}, before it`, recent.after(j));
  return fail(`it does not link to record ${n - 1}: a record is missing before it, the order was changed, or record ${n - 1} was changed`);
}
