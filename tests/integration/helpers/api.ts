import { randomUUID } from "node:crypto";
import { auth } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { appRouter } from "../../../server/api/root";
import { createCallerFactory } from "../../../server/api/trpc";

const createCaller = createCallerFactory(appRouter);

/** A real account (better-auth writes it to the test database) and a tRPC caller acting as it. */
export async function signedUpUser(name = "Test User") {
  const email = `${randomUUID()}@test.chronoboard.dev`;
  const response = await auth.api.signUpEmail({ body: { name, email, password: "correct horse battery" }, asResponse: true });
  const { user } = (await response.json()) as { user: { id: string } };
  /** The session cookie (name=value) a browser would send back. */
  const cookie = response.headers.getSetCookie().find((c) => /session_token=/.test(c))!.split(";")[0]!;
  const correlationId = randomUUID();
  const context = { user: { id: user.id, name, email }, correlationId, db: getPool() };
  const caller = createCaller(context);
  /** A caller whose subscriptions end when the signal aborts. */
  const subscriber = (signal: AbortSignal) => createCaller(context, { signal });
  return { user: context.user, caller, subscriber, correlationId, cookie };
}

export function anonymousCaller() {
  return createCaller({ user: null, correlationId: randomUUID(), db: getPool() });
}

export const cmd = () => ({ commandId: randomUUID() });
