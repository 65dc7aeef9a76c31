import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { betterAuth } from "better-auth";
import { auth } from "../../../server/auth";
import { authOptions } from "../../../server/auth/auth";

const app = "http://127.0.0.1:3000";

function authRequest(path: string, { cookie, body, base = app, address }: { cookie?: string; body?: unknown; base?: string; address?: string } = {}) {
  const headers: Record<string, string> = { origin: base, "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  if (address) headers["x-forwarded-for"] = address;
  return auth.handler(new Request(`${base}/api/auth${path}`, { method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

/** The session cookie a response sets, as `name=value` to send back. */
function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => /session_token=/.test(c));
  if (!cookie) throw new Error(`no session cookie in ${response.status} ${response.headers.getSetCookie().join(" | ")}`);
  return cookie.split(";")[0]!;
}

const account = () => ({ name: "Session Tester", email: `${randomUUID()}@test.chronoboard.dev`, password: "correct horse battery" });
const sessionOf = async (cookie: string) => (await (await authRequest("/get-session", { cookie })).json()) as { user: { email: string } } | null;

describe("sessions", () => {
  it("sets the session cookie httpOnly and SameSite=Lax, and Secure behind HTTPS", async () => {
    const plain = await authRequest("/sign-up/email", { body: account() });
    const cookie = plain.headers.getSetCookie().find((c) => /session_token=/.test(c))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);

    // The same settings served at an https:// BETTER_AUTH_URL.
    const behindHttps = betterAuth({ ...authOptions, baseURL: "https://chronoboard.example" });
    const secure = await behindHttps.handler(
      new Request("https://chronoboard.example/api/auth/sign-up/email", {
        method: "POST",
        headers: { origin: "https://chronoboard.example", "content-type": "application/json" },
        body: JSON.stringify(account()),
      }),
    );
    const secureCookie = secure.headers.getSetCookie().find((c) => /session_token=/.test(c))!;
    expect(secureCookie).toMatch(/^__Secure-/);
    expect(secureCookie).toMatch(/; Secure/i);
    expect(secureCookie).toMatch(/; HttpOnly/i);
  });

  it("ends the session on the server at sign-out: the same cookie sent again is refused", async () => {
    const signedUp = await authRequest("/sign-up/email", { body: account() });
    const cookie = sessionCookie(signedUp);
    expect((await sessionOf(cookie))?.user.email).toBeTruthy();
    expect((await authRequest("/sign-out", { cookie, body: {} })).status).toBe(200);
    expect(await sessionOf(cookie)).toBeNull();
  });

  it("signs out everywhere: every session of the user ends, another user's stays", async () => {
    const me = account();
    const first = sessionCookie(await authRequest("/sign-up/email", { body: me }));
    const second = sessionCookie(await authRequest("/sign-in/email", { body: { email: me.email, password: me.password } }));
    const someoneElse = sessionCookie(await authRequest("/sign-up/email", { body: account() }));
    expect((await authRequest("/revoke-sessions", { cookie: second, body: {} })).status).toBe(200);
    expect(await sessionOf(first)).toBeNull();
    expect(await sessionOf(second)).toBeNull();
    expect(await sessionOf(someoneElse)).not.toBeNull();
  });
});

describe("sign-in rate limits", () => {
  it("limits attempts per account, from whatever address they come", async () => {
    const me = account();
    await authRequest("/sign-up/email", { body: me });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await authRequest("/sign-in/email", { body: { email: me.email, password: "wrong password" }, address: `198.51.100.${i}` });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right password waits now.
    const right = await authRequest("/sign-in/email", { body: { email: me.email, password: me.password }, address: "198.51.100.200" });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await right.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts/);
  });

  it("limits attempts per address, whichever accounts they try", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await authRequest("/sign-in/email", { body: { email: `${randomUUID()}@test.chronoboard.dev`, password: "guess" }, address: "203.0.113.7" });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const elsewhere = await authRequest("/sign-in/email", { body: { email: `${randomUUID()}@test.chronoboard.dev`, password: "guess" }, address: "203.0.113.8" });
    expect(elsewhere.status).toBe(401);
  });
});
