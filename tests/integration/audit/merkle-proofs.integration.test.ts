import { createHash, createPublicKey, randomUUID, verify } from "node:crypto";
import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";
import { consistencyResponse, publicKeyResponse, receiptResponse } from "../../../server/api/http/proofs";
import { createApiToken } from "../../../server/auth/api-tokens";
import { sealCommitted } from "../../../server/audit/sealer";
import { appendToStream } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";
import { auditedProject } from "../helpers/audit";
import { metadata, newEvent, testPool } from "../helpers/db";

const pool = testPool();

/*
 * An implementation of the README's definition written for this test alone (RFC 9162 §2.1's recursive
 * MTH, PATH and PROOF, straight from the text): the app's iterative, node-table code must agree with it.
 */
const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
const MTH = (d: Buffer[]): Buffer =>
  d.length === 0 ? sha() : d.length === 1 ? sha(Buffer.of(0), d[0]!) : sha(Buffer.of(1), MTH(d.slice(0, k(d.length))), MTH(d.slice(k(d.length))));
const PATH = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s ? [...PATH(m, d.slice(0, s)), MTH(d.slice(s))] : [...PATH(m - s, d.slice(s)), MTH(d.slice(0, s))];
};
const SUBPROOF = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [MTH(d)];
  const s = k(d.length);
  return m <= s ? [...SUBPROOF(m, d.slice(0, s), b), MTH(d.slice(s))] : [...SUBPROOF(m - s, d.slice(s), false), MTH(d.slice(0, s))];
};
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString("hex"));

/** The leaves of a project as the README defines them, rebuilt from the stored rows. */
async function leavesOf(projectId: string): Promise<{ eventId: string; leaf: Buffer }[]> {
  const { rows } = await pool.query(
    `SELECT e.position::int AS position, to_char(e."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts,
            e.event_id, e.event_type, e.event_version, e.aggregate_type, e.aggregate_id, e.version, e.project_id, e.payload,
            e.metadata, s.salt
     FROM event_hashes h JOIN events e ON e.position = h.position JOIN leaf_salts s ON s.position = h.position
     WHERE h.project_id = $1 ORDER BY h.chain_index`,
    [projectId],
  );
  return rows.map((r) => {
    const payloadDigest = sha(Buffer.from(r.salt, "hex"), Buffer.from(canonicalize(r.payload)!, "utf8")).toString("hex");
    const leaf = {
      position: r.position,
      timestamp: r.ts,
      eventId: r.event_id,
      eventType: r.event_type,
      eventVersion: r.event_version,
      aggregateType: r.aggregate_type,
      aggregateId: r.aggregate_id,
      version: r.version,
      projectId: r.project_id,
      payloadDigest,
      metadata: r.metadata,
    };
    return { eventId: r.event_id, leaf: Buffer.from(canonicalize(leaf)!, "utf8") };
  });
}

const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

async function receipt(projectId: string, eventId: string, token: string, query = "") {
  return receiptResponse(get(`/api/v1/projects/${projectId}/events/${eventId}/proof${query}`, { authorization: `Bearer ${token}` }), projectId, eventId);
}

async function consistency(projectId: string, token: string, query: string) {
  return consistencyResponse(get(`/api/v1/projects/${projectId}/consistency${query}`, { authorization: `Bearer ${token}` }), projectId);
}

describe("Merkle proofs", () => {
  it("give every event an audit path and every pair of sizes a consistency proof that the independent RFC 9162 code reproduces", async () => {
    const { projectId, token, owner } = await auditedProject(["a"]);
    // Several appends, a batch of ten among them, so the tree has an odd shape (not a power of two).
    for (let i = 0; i < 24; i++) {
      const events = i === 5 ? Array.from({ length: 10 }, () => newEvent("TaskRenamed", { title: `t${i}` })) : [newEvent()];
      await appendToStream(pool, { aggregateType: "task", aggregateId: randomUUID(), projectId, expectedVersion: 0, events, metadata: metadata(owner.user.id) });
    }
    await sealCommitted(pool);
    const leaves = await leavesOf(projectId);
    const n = leaves.length;
    expect(n).toBeGreaterThan(35);

    const keyAnswer = await (await publicKeyResponse()).json();
    const publicKey = createPublicKey(keyAnswer.publicKey);
    expect(createHash("sha256").update(publicKey.export({ format: "der", type: "spki" }).subarray(-32)).digest("hex")).toBe(keyAnswer.fingerprint);

    for (const m of [0, 1, 2, 7, 16, n - 2, n - 1]) {
      const response = await receipt(projectId, leaves[m]!.eventId, token);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.leafIndex).toBe(m);
      const d = leaves.slice(0, body.treeSize).map((l) => l.leaf);
      expect(body.auditPath).toEqual(hex(PATH(m, d)));
      expect(body.checkpoint.rootHash).toBe(MTH(d).toString("hex"));
      expect(body.checkpoint.treeSize).toBe(body.treeSize);
      const { signature, ...statement } = body.checkpoint;
      expect(verify(null, Buffer.from(canonicalize(statement)!, "utf8"), publicKey, Buffer.from(signature, "base64"))).toBe(true);
    }

    for (const [m, to] of [[1, n], [2, n], [3, n], [4, 8], [5, n], [8, n], [n - 1, n], [n, n], [0, n], [7, 13]] as const) {
      const response = await consistency(projectId, token, `?from=${m}&to=${to}`);
      expect(response.status).toBe(200);
      const d = leaves.slice(0, to).map((l) => l.leaf);
      expect((await response.json()).proof).toEqual(m === 0 || m === to ? [] : hex(SUBPROOF(m, d, true)));
    }
  });

  it("answer 401 signed out, 404 to strangers and for unknown events, 400 to bad input, and serve every reader role", async () => {
    const { owner, projectId, token } = await auditedProject(["a", "b"]);
    const stranger = await signedUpUser("Mallory");
    const viewer = await signedUpUser("Vera");
    await owner.caller.project.addMember({ ...cmd(), projectId, email: viewer.user.email, role: "viewer" });
    const viewerToken = (await createApiToken(viewer.user.id, "t")).token;
    const strangerToken = (await createApiToken(stranger.user.id, "t")).token;
    await sealCommitted(pool);
    const [first] = await leavesOf(projectId);
    const eventId = first!.eventId;

    expect((await receiptResponse(get("/x"), projectId, eventId)).status).toBe(401);
    expect((await receipt(projectId, eventId, strangerToken)).status).toBe(404);
    expect((await receipt(projectId, eventId, viewerToken)).status).toBe(200);
    expect((await receipt(projectId, randomUUID(), token)).status).toBe(404);
    expect((await receipt(projectId, "not-a-uuid", token)).status).toBe(400);
    expect((await receipt(projectId, eventId, token, "?treeSize=-1")).status).toBe(400);
    expect((await receipt(projectId, eventId, token, "?treeSize=999999")).status).toBe(404);
    expect((await receipt(projectId, eventId, token, "?other=1")).status).toBe(400);
    // An event of another project is not found through this one.
    const other = await auditedProject(["x"]);
    await sealCommitted(pool);
    const [foreign] = await leavesOf(other.projectId);
    expect((await receipt(projectId, foreign!.eventId, token)).status).toBe(404);

    expect((await consistencyResponse(get("/x"), projectId)).status).toBe(401);
    expect((await consistency(projectId, strangerToken, "?from=1&to=2")).status).toBe(404);
    expect((await consistency(projectId, viewerToken, "?from=1&to=2")).status).toBe(200);
    for (const bad of ["", "?from=1", "?from=2&to=1", "?from=a&to=2", "?from=1&to=1e3", "?from=1&to=99999999", "?from=-1&to=2", "?from=1.5&to=2"]) {
      expect((await consistency(projectId, token, bad)).status, bad).toBe(400);
    }
  });
});
