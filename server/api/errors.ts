import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { SealerBehindError } from "../audit";
import { isDatabaseUnavailable } from "../db";
import { DomainError } from "../domain";
import { CommandIdReusedError, ConcurrencyError, EventIdConflictError } from "../eventstore";

/**
 * The one place where failures become tRPC codes: a broken rule is BAD_REQUEST with the rule's words (so
 * is a command id already used by another user or for another command),
 * a stale version is CONFLICT carrying the current version, an unknown or forbidden project is NOT_FOUND,
 * an audit log that cannot be sealed up to now (a transaction stays open) is SERVICE_UNAVAILABLE, and so is
 * a database out of reach (a restart, a fail-over): the client may send the same command again.
 */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError || error instanceof CommandIdReusedError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  }
  if (error instanceof ConcurrencyError || error instanceof EventIdConflictError) {
    return new TRPCError({ code: "CONFLICT", message: error.message, cause: error });
  }
  if (error instanceof SealerBehindError) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: error.message, cause: error });
  if (isDatabaseUnavailable(error)) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE, cause: error });
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join(".") || "input";
    return new TRPCError({ code: "BAD_REQUEST", message: `Invalid ${field}: ${issue?.message ?? "malformed"}`, cause: error });
  }
  return error;
}

export const DATABASE_UNAVAILABLE = "The database cannot be reached just now; try again in a few seconds.";

/** What a client is told of a server fault: nothing of its cause, and the id that finds it in the log. */
export const internalErrorMessage = (correlationId?: string) =>
  `Something went wrong on the server${correlationId ? ` (correlation id ${correlationId})` : ""}; it has been logged.`;

export const notFound = (what = "Project") => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });

/** Extra data every error response carries for the client: field errors and the current version. */
export function errorData(error: TRPCError) {
  const cause = error.cause;
  return {
    currentVersion: cause instanceof ConcurrencyError ? cause.currentVersion : undefined,
    fieldErrors: cause instanceof ZodError ? fieldErrorsOf(cause) : undefined,
  };
}

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "input";
    out[key] ??= issue.message;
  }
  return out;
}
