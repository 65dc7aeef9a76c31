import type pg from "pg";

/** Anything that runs a query: the pool, or one client inside a caller's transaction. */
export type Db = pg.Pool | pg.PoolClient | pg.Client;

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === "23505" && e.constraint === constraint;
}
