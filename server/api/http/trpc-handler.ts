import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { logger } from "../../log";
import { createContext } from "../context";
import { appRouter } from "../root";
import { crossSiteRefusal, withLimitedBody } from "./request-guards";

/** /api/trpc: mutations (POST) only from the app's own pages and with a bounded body, then tRPC. */
export async function trpcHandler(incoming: Request): Promise<Response> {
  let req = incoming;
  if (req.method === "POST") {
    const refusal = crossSiteRefusal(req);
    if (refusal) return refusal;
    const limited = await withLimitedBody(req);
    if (limited instanceof Response) return limited;
    req = limited;
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    // Expected answers (bad input, conflicts, not found) are the client's business; a server fault is logged.
    onError: ({ error, path, ctx }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error.cause ?? error, path, correlationId: ctx?.correlationId }, "tRPC procedure failed");
      }
    },
  });
}
