import { APIError, createAuthMiddleware } from "better-auth/api";
import { AttemptLimiter } from "./attempt-limiter";

/** Per account: slows down guessing one person's password from many addresses. */
const perAccount = new AttemptLimiter(10, 15 * 60_000);
/** Per address: slows down one client trying many accounts. */
const perAddress = new AttemptLimiter(30, 15 * 60_000);

/**
 * A better-auth `before` hook that limits email sign-in attempts per account and per client address
 * (better-auth's own limiter counts per address and path only). The address is the first one in
 * X-Forwarded-For, which the reverse proxy in front of the app must set.
 */
export const limitSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase();
  const address = ctx.headers?.get("x-forwarded-for")?.split(",")[0]?.trim() || ctx.headers?.get("x-real-ip") || "unknown";
  const wait = perAccount.attempt(`account:${email}`) ?? perAddress.attempt(`address:${address}`);
  if (wait !== null) {
    throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.` }, { "Retry-After": String(wait) });
  }
});
