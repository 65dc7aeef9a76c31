import { initTRPC, TRPCError } from "@trpc/server";
import { logger, withCorrelationId } from "../log";
import type { Context } from "./context";
import { errorData, internalErrorMessage, toTRPCError } from "./errors";
import { transformer } from "./input-transformer";
import { hasUnstorableText } from "./text-guard";

const t = initTRPC.context<Context>().create({
  transformer,
  // Pings keep live-update streams open through proxies; the client reconnects when they stop.
  sse: { ping: { enabled: true, intervalMs: 5000 }, client: { reconnectAfterInactivityMs: 12000 } },
  errorFormatter({ shape, error, ctx }) {
    // A server fault's own message (a database error, a stack overflow) is for the log, never for the client.
    const message = error.code === "INTERNAL_SERVER_ERROR" ? internalErrorMessage(ctx?.correlationId) : shape.message;
    return { ...shape, message, data: { ...shape.data, ...errorData(error), stack: undefined } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Maps what a procedure threw (tRPC wraps it as the cause of an error) to its tRPC code. An error tRPC
 * already gave a client code (input it could not read) keeps it whatever its cause.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause ?? result.error);
  throw mapped instanceof TRPCError || result.error.code === "INTERNAL_SERVER_ERROR" ? mapped : result.error;
});

/** One log line per call, and the request's correlation id on every line written while serving it. */
const logged = t.middleware(({ ctx, path, type, next }) =>
  withCorrelationId(ctx.correlationId, async () => {
    const started = performance.now();
    const result = await next();
    const ms = Math.round(performance.now() - started);
    const outcome = result.ok ? {} : { code: result.error.code };
    logger.info({ path, type, ms, userId: ctx.user?.id, ok: result.ok, ...outcome }, "tRPC call");
    return result;
  }),
);

const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  if (hasUnstorableText(await getRawInput())) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Text may not contain NUL characters or broken Unicode" });
  }
  return next();
});

export const publicProcedure = t.procedure.use(logged).use(mapErrors).use(refuseUnstorableText);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
