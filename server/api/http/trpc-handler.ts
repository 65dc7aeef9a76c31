import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { toTRPCError } from "../errors";
import { deserializeInput } from "../input-transformer";
import { logger } from "../../log";
import { createContext } from "../context";
import { readFromHeaders } from "../history-read";
import { appRouter } from "../root";
import { hasUnstorableText } from "../text-guard";
import { jsonTextProblem } from "./json-input";
import { crossSiteRefusal, withLimitedBody } from "./request-guards";

/** The most calls one batched request may carry (the app's pages batch fewer; components/trpc/provider.tsx). */
export const MAX_BATCH_SIZE = 50;

type Parser = { parse: (value: unknown) => unknown };
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; inputs: Parser[] } } | undefined>;

/**
 * What is wrong with a subscription's input, or null. A subscription answers 200 and streams (server-sent
 * events) before its procedure runs, so bad input would only come as an event on that stream: it is judged
 * here first, as the procedure would judge it.
 */
function subscriptionInputProblem(url: URL): string | null {
  const procedure = procedures[url.pathname.replace(/^\/api\/trpc\//, "")];
  const input = url.searchParams.get("input");
  if (procedure?._def.type !== "subscription") return null;
  try {
    const value = input === null ? undefined : deserializeInput(JSON.parse(input));
    if (hasUnstorableText(value)) return "Text may not contain NUL characters or broken Unicode";
    for (const parser of procedure._def.inputs) parser.parse(value);
    return null;
  } catch (error) {
    const refusal = toTRPCError(error);
    if (refusal instanceof TRPCError) return refusal.message;
    throw error;
  }
}

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
  const problem = (input === null ? null : jsonTextProblem(input, "The input parameter")) ?? subscriptionInputProblem(new URL(req.url));
  if (problem) return badRequest(problem);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    // A session that cannot be looked up because the database is away is a 503, as in any procedure.
    createContext: () =>
      createContext({ headers: req.headers }).catch((error: unknown) => {
        throw toTRPCError(error);
      }),
    responseMeta: ({ ctx }) => ({ headers: new Headers(readFromHeaders(ctx?.readFrom)) }),
    // Expected answers (bad input, conflicts, not found) are the client's business; a server fault is logged.
    onError: ({ error, path, ctx }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, correlationId: ctx?.correlationId }, "tRPC procedure failed");
      }
    },
  });
}
