import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { logger } from "../../log";
import { createContext } from "../context";
import { appRouter } from "../root";
import { jsonTextProblem } from "./json-input";
import { crossSiteRefusal, withLimitedBody } from "./request-guards";

/** The most calls one batched request may carry (the app's pages batch fewer; components/trpc/provider.tsx). */
export const MAX_BATCH_SIZE = 50;

const badRequest = (message: string) => Response.json({ error: { message, code: "BAD_REQUEST" } }, { status: 400 });

/**
 * /api/trpc: mutations (POST) only from the app's own pages and with a bounded body; input (the body, or the
 * `input` query parameter) that is not JSON or nests too deep is refused before tRPC parses and unpacks it.
 */
export async function trpcHandler(incoming: Request): Promise<Response> {
  let req = incoming;
  if (req.method === "POST") {
    const refusal = crossSiteRefusal(req);
    if (refusal) return refusal;
    const limited = await withLimitedBody(req);
    if (limited instanceof Response) return limited;
    req = limited;
    const body = await req.clone().text();
    const problem = body ? jsonTextProblem(body, "Request body") : null;
    if (problem) return badRequest(problem);
  }
  const input = new URL(req.url).searchParams.get("input");
  const problem = input === null ? null : jsonTextProblem(input, "The input parameter");
  if (problem) return badRequest(problem);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContext({ headers: req.headers }),
    // Expected answers (bad input, conflicts, not found) are the client's business; a server fault is logged.
    onError: ({ error, path, ctx }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, correlationId: ctx?.correlationId }, "tRPC procedure failed");
      }
    },
  });
}
