import { execFile } from "node:child_process";
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import canonicalize from "canonicalize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkpointsResponse, consistencyResponse, publicKeyResponse } from "../../../server/api/http/proofs";
import { sealCommitted } from "../../../server/audit/sealer";
import { verifyExport } from "../../../scripts/verifier/verify";
import { auditedProject, downloadExport, saveArchive, trustedKey, zip } from "../helpers/audit";
import { testPool } from "../helpers/db";

const pool = testPool();
const run = promisify(execFile);

type Line = Record<string, unknown> & { prevHash: string; hash: string; salt: string; payload: unknown };
type Manifest = Record<string, unknown> & { tree: Record<string, unknown> };

let project: Awaited<ReturnType<typeof auditedProject>>;
let entries: Map<string, Buffer>;
let lines: string[];
let records: Line[];
let trust: { keys: string[] };
let keyFile: string;
let realKey: KeyObject;

beforeAll(async () => {
  project = await auditedProject(["One", "Two", "Three", "Four", "Five"]);
  ({ entries } = await downloadExport(project.projectId, project.token));
  lines = entries.get("events.ndjson")!.toString("utf8").split("\n").filter(Boolean);
  records = lines.map((l) => JSON.parse(l) as Line);
  trust = await trustedKey();
  keyFile = saveArchive(Buffer.from(trust.keys[0]!), "trusted.pem");
  const { rows } = await pool.query<{ private_key: string }>(`SELECT private_key FROM audit_keys WHERE retired_at IS NULL`);
  realKey = createPrivateKey(rows[0]!.private_key);
});

const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const manifestOf = (e: Map<string, Buffer>) => JSON.parse(e.get("manifest.json")!.toString()) as Manifest;

/** Re-signs a changed manifest as someone holding `key` would, so only the checks beyond the signature can refuse it. */
function signed(manifest: Manifest, key: KeyObject): Buffer {
  const { signature: _s, ...body } = manifest;
  return Buffer.from(`${canonicalize({ ...body, signature: sign(null, Buffer.from(canonicalize(body)!), key).toString("base64") })}\n`);
}

/** An archive whose events file is `eventLines`, with the manifest fixed up to match them and re-signed by `key`. */
async function forged(eventLines: string[], key: KeyObject, change: (m: Manifest) => void = () => {}) {
  const file = Buffer.from(eventLines.map((l) => `${l}\n`).join(""));
  const parsed = eventLines.map((l) => JSON.parse(l) as Line);
  const manifest = manifestOf(entries);
  Object.assign(manifest, {
    eventCount: parsed.length,
    firstPosition: parsed[0]?.position ?? null,
    lastPosition: parsed.at(-1)?.position ?? null,
    lastHash: parsed.at(-1)?.hash,
    eventsFile: { ...(manifest.eventsFile as object), sha256: sha(file) },
  });
  change(manifest);
  return saveArchive(await zip(new Map(entries).set("events.ndjson", file).set("manifest.json", signed(manifest, key))));
}

/** Recomputes the chain from record `from` on, as a forger without the signing key would. */
function rehashed(changed: Line[], from: number): string[] {
  const out = changed.map((r) => ({ ...r }));
  for (let i = from; i < out.length; i++) {
    const { salt: _s, prevHash: _p, hash: _h, ...envelope } = out[i]!;
    const prevHash = i === 0 ? "0".repeat(64) : out[i - 1]!.hash;
    out[i] = { ...out[i]!, prevHash, hash: createHash("sha256").update(Buffer.from(prevHash, "hex")).update(canonicalize(envelope)!).digest("hex") };
  }
  return out.map((r) => canonicalize(r)!);
}

describe("the offline verifier, given the installation's key, refuses", () => {
  it("nothing when the archive is untouched, and everything without a trusted key", async () => {
    const file = saveArchive(await zip(entries));
    expect(await verifyExport(file, trust)).toMatchObject({ ok: true, eventCount: records.length });
    expect(await verifyExport(file, {})).toMatchObject({ ok: false, reason: expect.stringMatching(/no trusted key/) });
    const stranger = generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(await verifyExport(file, { keys: [stranger] })).toMatchObject({ ok: false, reason: expect.stringMatching(/not one of the trusted keys/) });
  });

  it("a truncated tail, even with the manifest fixed up and re-signed with the real key", async () => {
    const result = await verifyExport(await forged(lines.slice(0, -2), realKey), trust);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/rightEdge does not fit|do not make the Merkle root/) });
  });

  it("a re-hashed forgery: by another key it is untrusted; by the real key its leaves miss the signed root", async () => {
    const changed = records.map((r, i) => (i === 3 ? { ...r, payload: { ...(r.payload as object), title: "Forged" } } : r));
    const forgedLines = rehashed(changed, 3);
    const attacker = generateKeyPairSync("ed25519").privateKey;
    expect(await verifyExport(await forged(forgedLines, attacker, (m) => (m.keyFingerprint = "a".repeat(64))), trust)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not one of the trusted keys/),
    });
    expect(await verifyExport(await forged(forgedLines, realKey), trust)).toMatchObject({ ok: false, reason: expect.stringMatching(/Merkle root/) });
  });

  it('a "whole history" that does not start at the first event', async () => {
    const cut = lines.slice(3);
    const result = await verifyExport(
      await forged(cut, realKey, (m) => {
        m.hashBeforeRange = records[3]!.prevHash;
        m.tree = { ...m.tree, firstLeafIndex: 3 };
      }),
      trust,
    );
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/claims the whole history/) });
  });

  it("duplicate zip entries and entries no signature covers", async () => {
    const changed = Buffer.from(lines.map((l) => `${l.replace('"One"', '"0ne"')}\n`).join(""));
    // yazl writes what it is given: the same name twice, the second with other contents.
    const { ZipFile } = await import("yazl");
    const z = new ZipFile();
    for (const [name, bytes] of entries) z.addBuffer(bytes, name);
    z.addBuffer(changed, "events.ndjson");
    z.end();
    const chunks: Buffer[] = [];
    for await (const chunk of z.outputStream) chunks.push(chunk as Buffer);
    expect(await verifyExport(saveArchive(Buffer.concat(chunks)), trust)).toMatchObject({ ok: false, reason: expect.stringMatching(/events\.ndjson twice/) });

    const extra = saveArchive(await zip(new Map(entries).set("notes.txt", Buffer.from("trust me"))));
    expect(await verifyExport(extra, trust)).toMatchObject({ ok: false, reason: expect.stringMatching(/no signature covers: notes\.txt/) });
  });

  it("duplicate JSON members and any record or manifest not in RFC 8785 form", async () => {
    const duplicate = lines.with(2, lines[2]!.replace('{"aggregateId"', `{"eventId":"${records[0]!.eventId}","aggregateId"`));
    const spaced = lines.with(2, JSON.stringify(records[2], null, 1).replace(/\n/g, ""));
    const reordered = lines.with(2, JSON.stringify(Object.fromEntries(Object.entries(records[2]!).reverse())));
    for (const variant of [duplicate, spaced, reordered]) {
      const file = Buffer.from(variant.map((l) => `${l}\n`).join(""));
      const result = await verifyExport(saveArchive(await zip(new Map(entries).set("events.ndjson", file))), trust);
      expect(result).toMatchObject({ ok: false, record: { n: 3 }, reason: expect.stringMatching(/not in RFC 8785 canonical form/) });
    }
    const manifestText = entries.get("manifest.json")!.toString();
    const twiceMember = manifestText.replace('{"authorsFile"', '{"eventCount":0,"authorsFile"');
    const result = await verifyExport(saveArchive(await zip(new Map(entries).set("manifest.json", Buffer.from(twiceMember)))), trust);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/RFC 8785 canonical form/) });
  });

  it("a forged author name", async () => {
    const authors = Buffer.from(`${canonicalize({ [project.owner.user.id]: "Mallory" })}\n`);
    const result = await verifyExport(saveArchive(await zip(new Map(entries).set("authors.json", authors))), trust);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/SHA-256 of authors\.json/) });
  });
});

describe("extension between exports and the witness monitor", () => {
  let server: Server;
  const port = 3161;
  const witnessDir = mkdtempSync(path.join(tmpdir(), "chronoboard-witness-"));

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const url = new URL(req.url!, `http://127.0.0.1:${port}`);
      const request = new Request(url, { headers: { authorization: String(req.headers.authorization ?? "") } });
      const m = /^\/api\/v1\/projects\/([^/]+)\/(checkpoints|consistency)$/.exec(url.pathname);
      const response =
        url.pathname === "/api/v1/audit/public-key"
          ? await publicKeyResponse()
          : m
            ? await (m[2] === "checkpoints" ? checkpointsResponse : consistencyResponse)(request, m[1]!)
            : new Response("not found", { status: 404 });
      res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const verifyCli = (...args: string[]) =>
    run("npx", ["tsx", "scripts/verify-export.ts", ...args, "--key", keyFile]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
    );
  const witness = (projectId: string, token: string) =>
    run("npx", ["tsx", "scripts/audit-witness.ts", `http://127.0.0.1:${port}`, "--token", token, "--project", projectId, "--dir", witnessDir]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );

  it("a later export proves it extends an earlier one; after a consistent rewrite behind the triggers, neither it nor the witness is fooled", { timeout: 180_000 }, async () => {
    const { owner, projectId, columnId, token } = await auditedProject(["a", "b", "c"]);
    const first = saveArchive((await downloadExport(projectId, token)).bytes);
    expect((await witness(projectId, token)).code).toBe(0);
    await owner.caller.task.create({ commandId: crypto.randomUUID(), projectId, columnId, title: "d" });
    const second = saveArchive((await downloadExport(projectId, token)).bytes);
    const extends_ = await verifyCli(second, "--since", first);
    expect(extends_.out).toContain("extends:");
    expect(extends_.code).toBe(0);
    const grown = await witness(projectId, token);
    expect(grown.out).toMatch(/consistent: \d+ new checkpoint/);
    expect(grown.code).toBe(0);

    // Someone who can bypass the triggers changes an early event and rebuilds every hash, node and checkpoint.
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      for (const table of ["audit_exports", "audit_checkpoints", "merkle_nodes", "merkle_trees"]) {
        await client.query(`DELETE FROM ${table} WHERE project_id = $1`, [projectId]);
      }
      await client.query(`DELETE FROM leaf_salts WHERE position IN (SELECT position FROM event_hashes WHERE project_id = $1)`, [projectId]);
      await client.query(`DELETE FROM event_hashes WHERE project_id = $1`, [projectId]);
      await client.query(
        `UPDATE events SET payload = jsonb_set(payload, '{title}', '"rewritten"')
         WHERE position = (SELECT min(position) FROM events WHERE project_id = $1 AND event_type = 'TaskCreated')`,
        [projectId],
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    await sealCommitted(pool);
    const third = saveArchive((await downloadExport(projectId, token)).bytes);
    expect(await verifyExport(third, trust)).toMatchObject({ ok: true });
    const refused = await verifyCli(third, "--since", second);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/NOT VERIFIED: the export carries no consistency proof from the earlier export's checkpoint/);
    const caught = await witness(projectId, token);
    expect(caught.out).toMatch(/NOT CONSISTENT: .*history was rewritten/);
    expect(caught.code).toBe(1);
  });
});
