"use client";

import { createAuthClient } from "better-auth/react";

/** Browser-side better-auth client; talks to /api/auth on the current origin. */
export const authClient = createAuthClient();

export const { useSession, signIn, signUp, signOut, revokeSessions } = authClient;

/** A readable sentence for a failed better-auth call (server message first). */
export function authErrorMessage(
  error: { message?: string | undefined; statusText?: string | undefined; status?: number } | null | undefined,
  fallback = "Something went wrong. Please try again.",
): string {
  if (!error) return fallback;
  if (error.message) return error.message.endsWith(".") ? error.message : `${error.message}.`;
  if (error.status === 429) return "Too many attempts. Please wait a moment and try again.";
  if (error.statusText) return `${error.statusText}.`;
  return fallback;
}
