import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { sessionUser } from "../../../server/auth";
import { authHandler } from "../../../server/api/http/auth-handler";
import { createContext } from "../../../server/api/context";
import { appRouter } from "../../../server/api/root";
import { createCallerFactory } from "../../../server/api/trpc";
import { getPool } from "../../../server/db";
import { cmd, signedUpUser } from "../helpers/api";

const app = "http://127.0.0.1:3000";
const password = "correct horse battery";

/** A request to /api/auth as the app serves it (authHandler, which empties the session cache on changes). */
function authRequest(path: string, body: unknown, cookie?: string) {
  const headers: Record<string, string> = { origin: app, "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  return authHandler(new Request(`${app}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }));
}

async function signedUpCookie(email = `${randomUUID()}@test.chronoboard.dev`) {
  const response = await authRequest("/sign-up/email", { name: "Cache Tester", email, password });
  const cookie = response.headers.getSetCookie().find((c) => /session_token=/.test(c))!.split(";")[0]!;
  return { email, headers: new Headers({ cookie }) };
}

afterEach(() => {
  delete process.env.SESSION_CACHE_MS;
});

describe("the session cache", () => {
  it("lets no request in after a sign-out through this instance", async () => {
    process.env.SESSION_CACHE_MS = "5000";
    const { headers } = await signedUpCookie();
    expect(await sessionUser(headers)).not.toBeNull();
    expect(await sessionUser(headers)).not.toBeNull(); // from the cache now
    expect((await authRequest("/sign-out", {}, headers.get("cookie")!)).status).toBe(200);
    expect(await sessionUser(headers)).toBeNull();
  });

  it("is off by default: a session ended on another instance is refused at the next request", async () => {
    const { email, headers } = await signedUpCookie();
    expect(await sessionUser(headers)).not.toBeNull();
    await getPool().query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    expect(await sessionUser(headers)).toBeNull();
  });

  it("lets a session ended elsewhere in for SESSION_CACHE_MS at most", async () => {
    process.env.SESSION_CACHE_MS = "400";
    const { email, headers } = await signedUpCookie();
    expect(await sessionUser(headers)).not.toBeNull();
    // Another instance's sign-out: the row goes, this process is not told.
    await getPool().query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [email]);
    expect(await sessionUser(headers)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await sessionUser(headers)).toBeNull();
  });

  it("keeps no role: a member removed from a project is refused at the next request on the same cached session", async () => {
    process.env.SESSION_CACHE_MS = "5000";
    const owner = await signedUpUser("Owner");
    const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Cached" });
    const { email, headers } = await signedUpCookie();
    await owner.caller.project.addMember({ ...cmd(), projectId, email, role: "member" });
    const member = createCallerFactory(appRouter)(await createContext({ headers }));
    await member.board.get({ projectId });
    const { user } = (await createContext({ headers })) as { user: { id: string } };
    await owner.caller.project.removeMember({ ...cmd(), projectId, userId: user.id });
    const again = createCallerFactory(appRouter)(await createContext({ headers }));
    const refused = await again.board.get({ projectId }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");
  });
});
