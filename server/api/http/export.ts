import { z } from "zod";
import {
  activeSigningKey,
  chainSegment,
  exportArchive,
  exportProof,
  microsecondInstant,
  publicKeys,
  rememberExport,
  sealCommitted,
  SealerBehindError,
} from "../../audit";
import { getPool, historySource, writtenLsn } from "../../db";
import { ExportFormat } from "../../domain";
import { recordExport } from "../audit/record-export";
import { readFromHeaders } from "../history-read";
import { correlationIdOf } from "../context";
import { auditors } from "../project-procedure";
import { authorizeProjectRequest } from "./authorize";

/** An instant with its offset and up to six fractional digits, or a date (midnight UTC). */
const Bound = z.string().transform((text, ctx) => {
  const instant = microsecondInstant(text);
  if (instant === null) ctx.addIssue({ code: "custom", message: "give an ISO 8601 instant with an offset (at most six fractional digits) or a date" });
  return instant ?? "";
});

const ExportQuery = z
  .object({ from: Bound.optional(), to: Bound.optional(), format: ExportFormat.default("ndjson") })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "must be after from", path: ["to"] });

/**
 * GET /api/v1/projects/{projectId}/export?from=&to=&format=ndjson|csv — the compliance export (README,
 * "Audit trail"). Owners, admins and auditors, by session or API token. Everything committed before the
 * request is sealed first, so the archive covers the whole range. Sealing, the range's chain segment and the
 * export's own event are the primary's; the events themselves are streamed from the replica once it has
 * replayed that event (the segment's positions and hashes are then all there), else from the primary.
 */
export async function exportResponse(req: Request, projectId: string): Promise<Response> {
  const access = await authorizeProjectRequest(req, projectId, auditors);
  if (access.error) return access.error;
  const query = ExportQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    return Response.json({ error: `Invalid ${issue.path.join(".") || "query"}: ${issue.message}` }, { status: 400 });
  }
  const { format, from = null, to = null } = query.data;
  const range = { from, to };

  const db = getPool();
  try {
    await sealCommitted(db);
  } catch (error) {
    if (!(error instanceof SealerBehindError)) throw error;
    return Response.json({ error: error.message }, { status: 503, headers: { "Retry-After": "10" } });
  }
  const generatedAt = new Date();
  const segment = await chainSegment(db, projectId, range);
  const correlationId = correlationIdOf(req.headers);
  const proof = await exportProof(db, projectId, segment);
  const exportEventId = await recordExport(db, { userId: access.user.id, correlationId }, projectId, { format, range, segment });
  await rememberExport(db, exportEventId, projectId, proof.checkpoint.treeSize);
  const signingKey = await activeSigningKey(db);

  const source = await historySource(await writtenLsn(db));
  const body = exportArchive(source.db, {
    project: { id: projectId, name: access.board.project.name },
    range,
    segment,
    proof,
    format,
    generatedAt,
    generatedBy: { userId: access.user.id, name: access.user.name },
    exportEventId,
    signingKey,
    publicKeys: Object.fromEntries((await publicKeys(db)).map((k) => [k.fingerprint, k.publicKey])),
  });
  const stamp = generatedAt.toISOString().replace(/[-:]|\.\d+/g, "");
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="chronoboard-audit-${projectId}-${stamp}.zip"`,
      "Cache-Control": "no-store",
      // Lets a client show progress; the archive's size is not known until it is written.
      "X-Event-Count": String(segment.eventCount),
      ...readFromHeaders(new Set([source.readFrom])),
    },
  });
}
