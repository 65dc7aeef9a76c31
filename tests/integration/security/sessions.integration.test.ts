import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { betterAuth } from "better-auth";
import { auth } from "../../../server/auth";
import { authOptions } from "../../../server/auth/auth";
import { CLIENT_ADDRESS_HEADER } from "../../../server/auth/client-address";
import { getPool } from "../../../server/db";

const app = "http://127.0.0.1:3000";

function authRequest(path: string, { cookie, body, base = app, address }: { cookie?: string; body?: unknown; base?: string; address?: string } = {}) {
  const headers: Record<string, string> = { origin: base, "content-type": "application/json" };
  if (cookie) headers.cookie = cookie;
  // As the server stamps it on each request it receives (server/auth/client-address.ts).
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
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
  const signIn = (email: string, password: string, address: string) => authRequest("/sign-in/email", { body: { email, password }, address });
  const signedUp = async () => {
    const me = account();
    await authRequest("/sign-up/email", { body: me });
    return me;
  };

  it("lock a stranger guessing someone's password out, and not the person, who signs in from their own address", async () => {
    const me = await signedUp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(me.email, "wrong password", "198.51.100.66")).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // The stranger waits, even with the right password.
    const stranger = await signIn(me.email, me.password, "198.51.100.66");
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await stranger.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts/);
    // The person does not.
    expect((await signIn(me.email, me.password, "192.0.2.10")).status).toBe(200);
  }, 120_000);

  it("do not count successful sign-ins", async () => {
    const me = await signedUp();
    for (let i = 0; i < 15; i++) expect((await signIn(me.email, me.password, "192.0.2.20")).status).toBe(200);
    // The failures that follow still have their whole allowance.
    for (let i = 0; i < 10; i++) expect((await signIn(me.email, "wrong password", "192.0.2.20")).status).toBe(401);
    expect((await signIn(me.email, "wrong password", "192.0.2.20")).status).toBe(429);
  }, 120_000);

  it("limit attempts per address, whichever accounts they try", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await signIn(`${randomUUID()}@test.chronoboard.dev`, "guess", "203.0.113.7")).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await signIn(`${randomUUID()}@test.chronoboard.dev`, "guess", "203.0.113.8")).status).toBe(401);
  }, 120_000);

  it("bound one account's attempts from all addresses together, more slowly, in the database every instance shares", async () => {
    const me = await signedUp();
    // 95 wrong passwords already counted this hour (by any instance), then 5 more from five addresses.
    await getPool().query("INSERT INTO sign_in_attempts (key, window_seconds, window_start, attempts) VALUES ($1, 3600, now(), 95)", [`account:${me.email}`]);
    for (let i = 0; i < 5; i++) expect((await signIn(me.email, "wrong password", `198.18.0.${i}`)).status).toBe(401);
    expect((await signIn(me.email, me.password, "198.18.1.1")).status).toBe(429);
    expect((await signIn(`${randomUUID()}@test.chronoboard.dev`, "guess", "198.18.1.1")).status).toBe(401);
  }, 120_000);
});
