import { getPool } from "../../db";
import { checkImport, ImportFileError, type ImportReport, MAX_IMPORT_BYTES, readImportFile, runImport, tooLarge } from "../../import";
import { logger } from "../../log";
import { correlationIdOf } from "../context";
import { editors } from "../project-procedure";
import { authorizeProjectRequest } from "./authorize";
import { crossSiteRefusal, limitedBody } from "./request-guards";

/** What the import answers, one JSON object a line, while it writes (NDJSON). */
export type ImportStreamLine =
  | { type: "progress"; phase: "writing"; done: number; total: number }
  | { type: "done"; report: ImportReport }
  | { type: "error"; message: string };

/**
 * POST /api/v1/projects/{projectId}/import[?skipBadRows=true] with the CSV file as the body — the board's
 * Import CSV dialog. Owners, admins and members (the editors, who may create tasks one at a time), signed in:
 * API tokens stay read-only (README, "Roles and security"); scripts use `npm run import`. A file that cannot be read (too large, not UTF-8, not CSV, no title column)
 * is a 4xx before anything else; bad rows without skipBadRows are a 422 listing them, nothing written.
 * Otherwise a 200 streams progress lines while the one transaction writes, then the report.
 */
export async function importResponse(req: Request, projectId: string): Promise<Response> {
  const refused = crossSiteRefusal(req);
  if (refused) return refused;
  const access = await authorizeProjectRequest(req, projectId, editors, { tokens: false });
  if (access.error) return access.error;
  const skipBadRows = new URL(req.url).searchParams.get("skipBadRows") === "true";

  let file;
  try {
    file = readImportFile(projectId, (await limitedBody(req, MAX_IMPORT_BYTES)) ?? throwTooLarge());
  } catch (error) {
    if (error instanceof ImportFileError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
  const plan = await checkImport(getPool(), projectId, file);
  if (plan.badRows.length > 0 && !skipBadRows) {
    return Response.json(
      { error: `${badRowsText(plan.badRows.length)}: nothing was written`, badRows: plan.badRows, rows: file.records.length },
      { status: 422 },
    );
  }

  const correlationId = correlationIdOf(req.headers);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const report = await runImport({
          projectId,
          user: access.user,
          correlationId,
          file,
          skipBadRows,
          onProgress: ({ done, total }) => send({ type: "progress", phase: "writing", done, total }),
        });
        send({ type: "done", report });
      } catch (error) {
        logger.error({ err: error, projectId, correlationId }, "import failed");
        send({ type: "error", message: `The import failed and nothing was written (reference ${correlationId})` });
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson", "Cache-Control": "no-store" } });
}

const badRowsText = (n: number) => (n === 1 ? "1 bad row" : `${n.toLocaleString("en-US")} bad rows`);

const throwTooLarge = (): never => {
  throw tooLarge();
};
