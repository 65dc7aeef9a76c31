import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getPrisma } from "../db/prisma";

/** Email and password accounts; sessions live in the sessions table behind an httpOnly cookie. */
export const auth = betterAuth({
  appName: "Chronoboard",
  database: prismaAdapter(getPrisma(), { provider: "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
  session: { expiresIn: 60 * 60 * 24 * 7 },
  plugins: [nextCookies()],
  // Browser tests sign up many users from 127.0.0.1 within seconds; everywhere else the limit stays on.
  ...(process.env.CHRONOBOARD_AUTH_RATE_LIMIT === "off" ? { rateLimit: { enabled: false } } : {}),
});

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email };
}
