import { z } from "zod";
import {
  activeSigningKey,
  checkpointOfSize,
  checkpointsAfter,
  consistencyProof,
  eventReceipt,
  publicKeys,
  SealerBehindError,
  treeSizes,
} from "../../audit";
import { getPool } from "../../db";
import { readers } from "../project-procedure";
import { authorizeProjectRequest } from "./authorize";

/*
 * Proofs of the audit log (README, "Merkle tree and signed checkpoints"): every reader role of the
 * project, by session or API token, like the other v1 routes. Sizes are whole numbers of leaves.
 */

const TreeSize = z.string().regex(/^\d{1,15}$/, "must be a whole number").transform(Number);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badRequest(message: string) {
  return Response.json({ error: message }, { status: 400 });
}

function queryError(error: z.ZodError) {
  const issue = error.issues[0]!;
  return badRequest(`Invalid ${issue.path.join(".") || "query"}: ${issue.message}`);
}

function sealerBehind(error: unknown) {
  if (!(error instanceof SealerBehindError)) throw error;
  return Response.json({ error: error.message }, { status: 503, headers: { "Retry-After": "10" } });
}

/** GET /api/v1/projects/{projectId}/events/{eventId}/proof[?treeSize=] — an inclusion receipt. */
export async function receiptResponse(req: Request, projectId: string, eventId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, readers);
  if (access.error) return access.error;
  if (!UUID.test(eventId)) return badRequest("Invalid eventId: not a UUID");
  const query = z.object({ treeSize: TreeSize.optional() }).strict().safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return queryError(query.error);
  try {
    const answer = await eventReceipt(getPool(), projectId, eventId.toLowerCase(), query.data.treeSize);
    if ("notFound" in answer) return Response.json({ error: answer.notFound }, { status: 404 });
    if ("badRequest" in answer) return badRequest(answer.badRequest);
    return Response.json(answer.receipt, {
      headers: { "Content-Disposition": `attachment; filename="chronoboard-receipt-${eventId}.json"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return sealerBehind(error);
  }
}

const ConsistencyQuery = z
  .object({ from: TreeSize, to: TreeSize })
  .strict()
  .refine((q) => q.from <= q.to, { message: "must not be smaller than from", path: ["to"] });

/**
 * GET /api/v1/projects/{projectId}/consistency?from=&to= — the proof that the tree of `from` leaves is a
 * prefix of the tree of `to` leaves, with the stored checkpoints of those sizes where there are some.
 */
export async function consistencyResponse(req: Request, projectId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, readers);
  if (access.error) return access.error;
  const query = ConsistencyQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return queryError(query.error);
  const { from, to } = query.data;
  const pool = getPool();
  const size = (await treeSizes(pool, [projectId])).get(projectId)!;
  if (to > size) return badRequest(`Invalid to: the tree holds ${size} events`);
  const [proof, fromCheckpoint, toCheckpoint] = await Promise.all([
    consistencyProof(pool, projectId, from, to),
    checkpointOfSize(pool, projectId, from),
    checkpointOfSize(pool, projectId, to),
  ]);
  return Response.json({ projectId, from, to, proof, fromCheckpoint, toCheckpoint }, { headers: { "Cache-Control": "no-store" } });
}

/** GET /api/v1/projects/{projectId}/checkpoints?after=&limit= — stored checkpoints, smallest first. */
export async function checkpointsResponse(req: Request, projectId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, readers);
  if (access.error) return access.error;
  const query = z
    .object({ after: TreeSize.default(0), limit: z.string().regex(/^\d{1,4}$/).transform(Number).pipe(z.number().min(1).max(1000)).default(100) })
    .strict()
    .safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return queryError(query.error);
  const checkpoints = await checkpointsAfter(getPool(), projectId, query.data.after, query.data.limit);
  return Response.json({ projectId, checkpoints }, { headers: { "Cache-Control": "no-store" } });
}

/** GET /api/v1/audit/public-key — the signing keys (no sign-in: they are public). */
export async function publicKeyResponse(): Promise<Response> {
  const pool = getPool();
  const active = await activeSigningKey(pool);
  const keys = await publicKeys(pool);
  const current = keys.find((k) => k.fingerprint === active.fingerprint)!;
  return Response.json({ algorithm: "Ed25519", fingerprint: current.fingerprint, publicKey: current.publicKey, keys });
}
