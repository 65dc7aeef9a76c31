import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";

type AppError = TRPCClientError<AppRouter>;

function asAppError(error: unknown): AppError | null {
  return error instanceof TRPCClientError ? (error as AppError) : null;
}

/** The tRPC code when the server answered (CONFLICT, BAD_REQUEST, NOT_FOUND, …); undefined for network failures. */
export function errorCode(error: unknown): string | undefined {
  return asAppError(error)?.data?.code;
}

// Answers that leave open whether a command was applied (the database went away after it committed, say):
// like a lost connection, they are settled by sending the same command again.
const OUTCOME_UNKNOWN = new Set(["INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE", "BAD_GATEWAY", "GATEWAY_TIMEOUT", "TIMEOUT"]);

/** True when the server answered what became of the request, so sending it again cannot help. */
export function isFinalAnswer(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && !OUTCOME_UNKNOWN.has(code);
}

export function isConflict(error: unknown): boolean {
  return errorCode(error) === "CONFLICT";
}

/** A sentence to show the user: the server's own words for rule violations, plain advice otherwise. */
export function errorMessage(error: unknown): string {
  const appError = asAppError(error);
  const code = appError?.data?.code;
  if (!appError || !code) return "Could not reach the server. Check your connection and try again.";
  if (code === "INTERNAL_SERVER_ERROR") return "Something went wrong on the server. Please try again.";
  if (code === "UNAUTHORIZED") return "Your session has ended. Sign in again to continue.";
  const message = appError.message.trim();
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
