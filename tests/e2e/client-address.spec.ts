import { expect, freshAccount, test } from "./fixtures";

// The built server takes the client's address from the connection: X-Forwarded-For is a client's own claim
// unless TRUST_PROXY says how many proxies in front of the app append to it (not set for these tests).
test("a client's X-Forwarded-For does not become its address", async ({ request, baseURL }) => {
  const account = freshAccount("address");
  const headers = { origin: baseURL!, "x-forwarded-for": "203.0.113.99", "x-real-ip": "203.0.113.98", "x-chronoboard-client-address": "203.0.113.97" };
  expect((await request.post("/api/auth/sign-up/email", { data: account, headers })).ok()).toBe(true);
  const sessions = (await (await request.get("/api/auth/list-sessions", { headers })).json()) as { ipAddress: string | null }[];
  expect(sessions.length).toBeGreaterThan(0);
  for (const session of sessions) expect(session.ipAddress).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
});
