import { APIError, createAuthMiddleware } from "better-auth/api";
import { getPool } from "../db";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

const MINUTE = 60;

/**
 * The sign-in allowances, each a number of attempts per fixed window. Only failed attempts stay counted. One
 * account at one address gets 10 per 15 minutes, so a stranger guessing someone's password shuts out only
 * themselves; one address 30 (whichever accounts it tries); and one account, from every address together, 100
 * per hour: the slower bound on guessing one password from many addresses.
 */
const limits = {
  pair: { attempts: 10, windowSeconds: 15 * MINUTE },
  address: { attempts: 30, windowSeconds: 15 * MINUTE },
  account: { attempts: 100, windowSeconds: 60 * MINUTE },
} as const;
type Kind = keyof typeof limits;

function keysOf(email: string, address: string): Record<Kind, string> {
  return { pair: `pair:${address}|${email}`, address: `address:${address}`, account: `account:${email}` };
}

/**
 * Counts an attempt under each key (in PostgreSQL, so every app instance counts together; a window that ended
 * starts again) and answers the seconds to wait when any allowance is used up, else null. Attempts are counted
 * before they are tried, so parallel guesses cannot slip past the count.
 */
async function countAttempt(keys: Record<Kind, string>): Promise<number | null> {
  const kinds = Object.keys(keys) as Kind[];
  const { rows } = await getPool().query<{ key: string; attempts: number; wait: number }>(
    `INSERT INTO sign_in_attempts AS a (key, window_seconds, window_start, attempts)
       SELECT key, seconds, now(), 1 FROM unnest($1::text[], $2::int[]) AS k (key, seconds)
     ON CONFLICT (key) DO UPDATE SET
       window_seconds = excluded.window_seconds,
       window_start = CASE WHEN a.window_start <= now() - make_interval(secs => excluded.window_seconds) THEN now() ELSE a.window_start END,
       attempts = CASE WHEN a.window_start <= now() - make_interval(secs => excluded.window_seconds) THEN 1 ELSE a.attempts + 1 END
     RETURNING key, attempts, ceil(extract(epoch FROM window_start + make_interval(secs => window_seconds) - now()))::int AS wait`,
    [kinds.map((kind) => keys[kind]), kinds.map((kind) => limits[kind].windowSeconds)],
  );
  let wait: number | null = null;
  for (const kind of kinds) {
    const row = rows.find((r) => r.key === keys[kind])!;
    if (row.attempts > limits[kind].attempts) wait = Math.max(wait ?? 0, row.wait, 1);
  }
  return wait;
}

/** A successful sign-in does not count: its own attempt is taken back, and that account's count at that address ends. */
async function forgetAttempt(keys: Record<Kind, string>) {
  await getPool().query(
    `WITH gone AS (DELETE FROM sign_in_attempts WHERE key = $1)
     UPDATE sign_in_attempts SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($2::text[])`,
    [keys.pair, [keys.address, keys.account]],
  );
}

/** Windows that ended count nothing any more; now and then their rows go. */
async function sweep() {
  await getPool().query(`DELETE FROM sign_in_attempts WHERE window_start < now() - make_interval(secs => window_seconds)`);
}

function keysFor(ctx: { body?: unknown; headers?: Headers }) {
  const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase().slice(0, 320);
  return keysOf(email, ctx.headers?.get(CLIENT_ADDRESS_HEADER) || "unknown");
}

/**
 * better-auth hooks limiting email sign-in (better-auth's own limiter counts per address and path only and
 * keeps its counts in each process). The client address is the one server/auth/client-address.ts stamped.
 */
export const signInLimit = {
  before: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email") return;
    const wait = await countAttempt(keysFor(ctx));
    if (wait !== null) {
      throw new APIError("TOO_MANY_REQUESTS", { message: `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.` }, { "Retry-After": String(wait) });
    }
  }),
  after: createAuthMiddleware(async (ctx) => {
    if (ctx.path !== "/sign-in/email") return;
    if (ctx.context.newSession) await forgetAttempt(keysFor(ctx));
    else if (Math.random() < 0.01) await sweep();
  }),
};
