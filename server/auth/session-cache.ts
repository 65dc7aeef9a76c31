import { LRUCache } from "lru-cache";
import { processWide } from "../process-wide";

/** Who a session cookie belongs to, as sessionUser answers it. */
export interface CachedUser {
  id: string;
  name: string;
  email: string;
}

/**
 * How long a process keeps a session it looked up (SESSION_CACHE_MS; off, 0, by default). It bounds how long a
 * session ended on another instance (sign-out, "sign out everywhere", revocation) still lets a request in here, so
 * it is off unless a deployment accepts that window (one instance has none: the cache is emptied at once by
 * authHandler on the instance that ends a session). Roles are not
 * cached: every project procedure reads the caller's role from the board, so a removed member loses access at
 * their next request.
 */
export function sessionCacheMs(): number {
  const ms = Number(process.env.SESSION_CACHE_MS ?? 0);
  return Number.isFinite(ms) && ms >= 0 ? ms : 0;
}

/**
 * The session lookup is a query of the sessions and users tables per request, a large part of what the
 * cheapest request costs (BENCHMARKS.md, "HTTP load"). Keyed by the session cookie's value (token and
 * signature), so only the same cookie hits; only sessions found are kept, up to 10,000, each no longer than
 * it is valid.
 */
const cache = () =>
  processWide("chronoboardSessionCache", () => ({ users: new LRUCache<string, CachedUser>({ max: 10_000 }), generation: 0 }));

/** The session cookie's value(s) in a Cookie header (better-auth's `…session_token`), or null. */
export function sessionCookieKey(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  const tokens = cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => /^(__Secure-)?better-auth\.session_token=/.test(pair));
  return tokens.length > 0 ? tokens.join("; ") : null;
}

/** The user of a session cookie, from the cache or else `lookUp`, whose answer is kept if no session ended meanwhile. */
export async function cachedSessionUser(
  key: string | null,
  lookUp: () => Promise<{ user: CachedUser; expiresAt: Date } | null>,
): Promise<CachedUser | null> {
  const ttl = sessionCacheMs();
  const state = cache();
  const hit = key && ttl > 0 ? state.users.get(key) : undefined;
  if (hit) return hit;
  const generation = state.generation;
  const found = await lookUp();
  if (!found) return null;
  const valid = found.expiresAt.getTime() - Date.now();
  // A lookup that raced a sign-out may have read the session just before it ended: not kept.
  if (key && ttl > 0 && valid > 0 && generation === state.generation) state.users.set(key, found.user, { ttl: Math.min(ttl, valid) });
  return found.user;
}

/** Forgets every cached session: after any change to sessions or users made through this process. */
export function forgetSessions(): void {
  const state = cache();
  state.generation++;
  state.users.clear();
}
