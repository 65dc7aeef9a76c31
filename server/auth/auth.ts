import { type BetterAuthOptions, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getPrisma } from "../db/prisma";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { cachedSessionUser, sessionCookieKey } from "./session-cache";
import { signInLimit } from "./sign-in-limit";

const rateLimited = process.env.CHRONOBOARD_AUTH_RATE_LIMIT !== "off";

/** Email and password accounts; sessions live in the sessions table behind an httpOnly cookie. */
export const authOptions = {
  appName: "Chronoboard",
  database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  session: { expiresIn: 60 * 60 * 24 * 7 },
  advanced: {
    // Scripts cannot read the session cookie and other sites' forms and fetches do not carry it.
    // better-auth adds Secure (and the __Secure- prefix) by itself when BETTER_AUTH_URL is https://.
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    // The client's address as the server determined it (TRUST_PROXY; server/auth/client-address.ts), never
    // X-Forwarded-For as a client sent it: for better-auth's rate limits and the sessions' addresses.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
  },
  plugins: [nextCookies()],
  // Browser tests sign up many users from 127.0.0.1 within seconds; everywhere else the limits stay on.
  ...(rateLimited ? { hooks: signInLimit } : { rateLimit: { enabled: false } }),
} satisfies BetterAuthOptions;

export const auth = betterAuth(authOptions);

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/** The user of the request's session cookie; kept for a few seconds per process (session-cache.ts). */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  return cachedSessionUser(sessionCookieKey(headers.get("cookie")), async () => {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    return { user: { id: session.user.id, name: session.user.name, email: session.user.email }, expiresAt: new Date(session.session.expiresAt) };
  });
}
