import { createHash, type KeyObject } from "node:crypto";
import { type Readable, Transform } from "node:stream";
import canonicalize from "canonicalize";
import { type Archive, openArchive, readBytes } from "./archive";
import { isSha256Hex, linkHash, RecentHashes, type RecordRef } from "./chain";
import { type Checkpoint, keyRing } from "./checkpoint";
import type { TreeBuilder } from "./merkle";
import { csvRecords, type ExportedRecord, ndjsonRecords, RecordError } from "./records";
import { checkManifestSignature, finishTree, isSalt, leafOf, startTree, type TreeProof } from "./tree";

/** What no signature or hash covers, said with every verdict. */
export const UNVERIFIED = [
  "the zip container itself (entry dates, comments, compression)",
  "authors.json (userName of each author): signed with the manifest, but the installation's word at export time, not part of the log",
];

export type VerifyResult =
  | { ok: true; eventCount: number; head: string; checkpoint: Checkpoint; exportEventId: string }
  | { ok: false; reason: string; record?: RecordRef };

export interface TrustedKeys {
  /** Public keys (SPKI PEM) to trust. */
  keys?: string[];
  /** Fingerprints to trust among the keys the manifest carries. */
  fingerprints?: string[];
}

interface Manifest {
  format: string;
  project: { id: string };
  range: { from: string | null; to: string | null };
  eventCount: number;
  firstPosition: number | null;
  lastPosition: number | null;
  hashBeforeRange: string;
  lastHash: string;
  eventsFile: { name: string; format: "ndjson" | "csv"; sha256: string };
  authorsFile: { name: string; sha256: string };
  verifyFile: { name: string; sha256: string };
  chain: { genesis: string };
  tree: TreeProof;
  publicKeys: Record<string, string>;
  exportEventId: string;
  keyFingerprint: string;
}

const GENESIS = "0".repeat(64);

/**
 * Checks an export archive on its own, trusting only the keys given: the manifest's signature, every
 * file's hash, every record's link and canonical form, and the Merkle root of the signed checkpoint.
 */
export async function verifyExport(path: string, trust: TrustedKeys = {}): Promise<VerifyResult> {
  let archive: Archive;
  try {
    archive = await openArchive(path);
  } catch (error) {
    return { ok: false, reason: `not a readable zip archive, or an ambiguous one (${(error as Error).message})` };
  }
  try {
    if (!archive.names.includes("manifest.json")) return { ok: false, reason: "the archive has no manifest.json" };
    const manifestBytes = await readBytes(archive, "manifest.json");
    const manifest = parseManifest(manifestBytes.toString("utf8"));
    if (typeof manifest === "string") return { ok: false, reason: `manifest.json ${manifest}` };
    const keys = trustedKeys(trust, manifest.publicKeys);
    if (typeof keys === "string") return { ok: false, reason: keys };
    const unsigned = checkManifestSignature(manifest as unknown as Record<string, unknown>, keys);
    if (unsigned) return { ok: false, reason: unsigned };

    const expected = [manifest.eventsFile.name, manifest.authorsFile.name, manifest.verifyFile.name, "manifest.json"];
    const odd = archive.names.filter((name) => !expected.includes(name));
    if (odd.length > 0) return { ok: false, reason: `the archive holds entries no signature covers: ${odd.join(", ")}` };
    for (const file of [manifest.authorsFile, manifest.verifyFile]) {
      if (!archive.names.includes(file.name)) return { ok: false, reason: `the archive has no ${file.name}` };
      const sha256 = createHash("sha256").update(await readBytes(archive, file.name)).digest("hex");
      if (sha256 !== file.sha256) return { ok: false, reason: `the SHA-256 of ${file.name} is ${sha256}, the manifest says ${file.sha256}` };
    }
    const file = manifest.eventsFile;
    if (!archive.names.includes(file.name)) return { ok: false, reason: `the archive has no ${file.name}` };
    if (manifest.range.from === null && (manifest.tree.firstLeafIndex !== 0 || manifest.hashBeforeRange !== GENESIS)) {
      return { ok: false, reason: "the export claims the whole history (range.from is null) but does not start at the project's first event" };
    }
    if ((manifest.tree.firstLeafIndex === 0) !== (manifest.hashBeforeRange === GENESIS)) {
      return { ok: false, reason: "hashBeforeRange and tree.firstLeafIndex disagree on whether the range starts the log" };
    }
    const builder = startTree(manifest.tree);
    if (typeof builder === "string") return { ok: false, reason: builder };
    const result = await verifyEvents(await archive.open(file.name), manifest, builder);
    if (!result.ok) return result;
    const treeProblem = finishTree(builder, manifest.tree, keys, manifest.project.id);
    if (treeProblem) return { ok: false, reason: treeProblem };
    return { ...result, checkpoint: manifest.tree.checkpoint, exportEventId: manifest.exportEventId };
  } finally {
    archive.close();
  }
}

/**
 * Verifies `path` and `earlier` (an export of the same project handed out before) and checks that the
 * later one's log extends the earlier one's: its consistency proof starts at the earlier end checkpoint.
 */
export async function verifySince(path: string, earlier: string, trust: TrustedKeys): Promise<VerifyResult> {
  const before = await verifyExport(earlier, trust);
  if (!before.ok) return { ok: false, reason: `the earlier export does not verify: ${before.reason}` };
  const after = await verifyExport(path, trust);
  if (!after.ok) return after;
  if (after.checkpoint.projectId !== before.checkpoint.projectId) return { ok: false, reason: "the two exports are of different projects" };
  const manifest = parseManifest((await readManifest(path)).toString("utf8")) as Manifest;
  const from = manifest.tree.previousExport;
  const same = (a: Checkpoint, b: Checkpoint) => a.treeSize === b.treeSize && a.rootHash === b.rootHash;
  if (same(after.checkpoint, before.checkpoint)) return after;
  if (!from || !same(from.checkpoint, before.checkpoint)) {
    return {
      ok: false,
      reason: `the export carries no consistency proof from the earlier export's checkpoint (${before.checkpoint.treeSize} events): ` +
        `it proves extension of ${from ? `export ${from.exportEventId} (${from.checkpoint.treeSize} events)` : "no earlier export"}`,
    };
  }
  if (after.checkpoint.treeSize < before.checkpoint.treeSize) return { ok: false, reason: "the later export's log is shorter than the earlier one's" };
  return after;
}

async function readManifest(path: string): Promise<Buffer> {
  const archive = await openArchive(path);
  try {
    return await readBytes(archive, "manifest.json");
  } finally {
    archive.close();
  }
}

function trustedKeys(trust: TrustedKeys, carried: Record<string, string>): Map<string, KeyObject> | string {
  try {
    const ring = keyRing(trust.keys ?? []);
    for (const fingerprint of trust.fingerprints ?? []) {
      const pem = carried?.[fingerprint];
      const carriedRing = pem ? keyRing([pem]) : null;
      if (!carriedRing?.has(fingerprint)) return `the archive carries no public key with the pinned fingerprint ${fingerprint}`;
      ring.set(fingerprint, carriedRing.get(fingerprint)!);
    }
    if (ring.size === 0) return "no trusted key: give the installation's public key (--key) or pin its fingerprint (--fingerprint)";
    return ring;
  } catch (error) {
    return `a public key cannot be read: ${(error as Error).message}`;
  }
}

function parseManifest(text: string): Manifest | string {
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    return "is not valid JSON";
  }
  if (typeof m !== "object" || m === null || `${canonicalize(m)}\n` !== text) return "is not one JSON object in RFC 8785 canonical form";
  const position = (p: unknown) => p === null || Number.isSafeInteger(p);
  const instant = (t: unknown) => t === null || (typeof t === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(t));
  const named = (f: { name?: unknown; sha256?: unknown } | undefined) => typeof f?.name === "string" && isSha256Hex(f.sha256);
  if (
    m.format !== "chronoboard-audit-export/2" ||
    typeof m.project?.id !== "string" ||
    !instant(m.range?.from) ||
    !instant(m.range?.to) ||
    !Number.isSafeInteger(m.eventCount) ||
    !position(m.firstPosition) ||
    !position(m.lastPosition) ||
    !isSha256Hex(m.hashBeforeRange) ||
    !isSha256Hex(m.lastHash) ||
    !named(m.eventsFile) ||
    !["ndjson", "csv"].includes(m.eventsFile.format) ||
    !named(m.authorsFile) ||
    !named(m.verifyFile) ||
    typeof m.tree !== "object" ||
    m.tree === null ||
    typeof m.exportEventId !== "string"
  ) {
    return "lacks a field the check needs, or one is malformed";
  }
  return m;
}

async function verifyEvents(input: Readable, manifest: Manifest, tree: TreeBuilder): Promise<Extract<VerifyResult, { ok: false }> | { ok: true; eventCount: number; head: string }> {
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
      tree.push(leafOf(record.envelope, record.salt as string));
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
function checkRecord(record: ExportedRecord, n: number, head: string, recent: RecentHashes, projectId: string) {
  const fail = (reason: string, where = refOf(record, n)) => ({ ok: false as const, reason, record: where });
  if (!isSha256Hex(record.prevHash) || !isSha256Hex(record.hash)) return fail("prevHash or hash is not a SHA-256 in lowercase hex");
  if (!isSalt(record.salt)) return fail("its salt is not 32 lowercase hex digits");
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
