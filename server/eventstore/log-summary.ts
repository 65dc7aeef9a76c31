import type { Db } from "../db";

/** How many events a project's log holds and when the first and the last were recorded. */
export async function logSummary(db: Db, projectId: string) {
  const { rows } = await db.query<{ count: number; first: Date | null; last: Date | null }>(
    `SELECT count(*)::int AS count, min("timestamp") AS first, max("timestamp") AS last FROM events WHERE project_id = $1`,
    [projectId],
  );
  const { count, first, last } = rows[0]!;
  return { eventCount: count, firstEventAt: first, lastEventAt: last };
}
