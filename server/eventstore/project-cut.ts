import { type Db, statementName } from "../db";
import { commandBefore, sameCommand } from "./command-instant";
import { storedAsOf } from "./read";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent } from "./types";

/**
 * A cut through a project's log that a fold can start from: every command stored at or before `timestamp`
 * (all of its events) by a transaction visible in `visibility`. Both are kept as PostgreSQL prints them (a timestamptz to the
 * microsecond, a pg_snapshot), so they round-trip exactly.
 */
export interface ProjectCut {
  timestamp: string;
  visibility: string;
}

/** The events read after a cut, and the cut they lead to. */
export interface ProjectSlice {
  events: StoredEvent[];
  /** The cut after these events and the ones before them; null when there were none. */
  cut: ProjectCut | null;
}

/*
 * A board snapshot holds the events its reading statement could see up to its instant. What it lacks is
 * (a) everything stored later and (b) events stored earlier by transactions still running then, which
 * commit late. (b) are the transactions in the snapshot's xmin..xmax window that it did not see, and the
 * prefix of the (project_id, transaction_id, aggregate_id) index finds them without scanning the project. A
 * transaction that takes an id only after the snapshot and yet stamps an earlier time (a backdated import, or a
 * statement between reading the clock and taking its id) is not covered: imports belong before snapshots are
 * taken.
 */
const sliceColumns = (latest: string) =>
  `${EVENT_COLUMNS}, ${latest}::text AS cut_timestamp, pg_current_snapshot()::text AS visibility`;
const UNTIL = storedAsOf("e", "$2");
const FROM_START = `SELECT ${sliceColumns(`max("timestamp") OVER ()`)} FROM events e WHERE project_id = $1 AND ${UNTIL} ORDER BY position`;
/*
 * Cuts go by whole commands (see commandBefore): a cut holds the commands whose last event is at or before
 * its instant. After it come (a) the commands that end later: their events stored from the cut's instant on
 * and, for a command stored before its events shared one instant, the earlier ones; less those ending at the
 * instant that the cut saw; and (b) the commands that committed late. Late events alone do not move the
 * cut's instant: greatest() keeps the earlier cut's.
 */
const AFTER_CUT = `
SELECT ${sliceColumns(`greatest($3, max("timestamp") OVER ())`)} FROM (
  SELECT * FROM (
    SELECT * FROM events WHERE project_id = $1 AND "timestamp" >= $3::timestamptz
    UNION ALL
    SELECT DISTINCT ON (c.position) c.* FROM events x
    CROSS JOIN LATERAL (SELECT * FROM events c WHERE ${sameCommand("x", "c")} AND c."timestamp" < $3 OFFSET 0) c
    WHERE x.project_id = $1 AND x."timestamp" >= $3
  ) later
  WHERE NOT (later."timestamp" <= $3 AND pg_visible_in_snapshot(later.transaction_id, $4::pg_snapshot)
             AND NOT EXISTS (SELECT 1 FROM events c WHERE ${sameCommand("later", "c")} AND c."timestamp" > $3 OFFSET 0))
  UNION ALL
  SELECT * FROM events late
  WHERE project_id = $1 AND "timestamp" < $3
    AND transaction_id >= pg_snapshot_xmin($4) AND transaction_id < pg_snapshot_xmax($4)
    AND NOT pg_visible_in_snapshot(transaction_id, $4)
    AND ${commandBefore("late", "$3")}
) e
WHERE ${UNTIL}
ORDER BY position`;
/*
 * Every access check and live update runs AFTER_CUT, so both are named: planned once per connection, not per
 * call (planning cost more than running it). OFFSET 0 keeps the lookups of a later event's command as index
 * probes per event even in a generic plan, which cannot know how few events come after the cut and would
 * otherwise hash the project's whole log.
 */

/**
 * The events of a project after a cut (or from the start) up to an instant (inclusive to the millisecond,
 * default: all), in position order. One statement, so the events and the visibility reported belong to
 * the same MVCC snapshot.
 */
export async function readProjectAfter(db: Db, projectId: string, opts: { after?: ProjectCut; until?: Date }): Promise<ProjectSlice> {
  const until = opts.until ?? null;
  const { rows } = await db.query<EventRow & { cut_timestamp: string; visibility: string }>(
    opts.after
      ? { name: statementName("chronoboard.project-after-cut"), text: AFTER_CUT, values: [projectId, until, opts.after.timestamp, opts.after.visibility] }
      : { name: statementName("chronoboard.project-from-start"), text: FROM_START, values: [projectId, until] },
  );
  const first = rows[0];
  return { events: rows.map(rowToEvent), cut: first ? { timestamp: first.cut_timestamp, visibility: first.visibility } : null };
}
