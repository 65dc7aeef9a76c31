import type { Db } from "../db";
import { commandAtOrAfter } from "./command-instant";
import { storedAsOf } from "./read";
import { EVENT_COLUMNS, type EventRow, rowToEvent } from "./row";
import type { StoredEvent } from "./types";

export interface ProjectLogFilter {
  userId?: string;
  eventTypes?: string[];
  /** Inclusive bounds, to the millisecond, by whole commands (see commandBefore). */
  from?: Date;
  to?: Date;
  correlationId?: string;
}

export interface ProjectLogPage {
  events: StoredEvent[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}

/**
 * One page of a project's events, newest first, filtered. The cursor is a position, so pages stay put
 * while new events arrive (they come before the first page) and the (project_id, position) index serves
 * every page the same way however deep the scroll.
 */
export async function readProjectLog(
  db: Db,
  projectId: string,
  filter: ProjectLogFilter,
  page: { before?: number; limit: number },
): Promise<ProjectLogPage> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE project_id = $1 AND ($2::bigint IS NULL OR position < $2)
       AND ($3::text IS NULL OR metadata ->> 'userId' = $3)
       AND ($4::text[] IS NULL OR event_type = ANY($4))
       AND ($5::timestamptz IS NULL OR ${commandAtOrAfter("events", "$5")})
       AND ${storedAsOf("events", "$6")}
       AND ($7::text IS NULL OR metadata ->> 'correlationId' = $7)
     ORDER BY position DESC
     LIMIT $8`,
    [
      projectId,
      page.before ?? null,
      filter.userId ?? null,
      filter.eventTypes?.length ? filter.eventTypes : null,
      filter.from ?? null,
      filter.to ?? null,
      filter.correlationId ?? null,
      page.limit + 1,
    ],
  );
  const events = rows.slice(0, page.limit).map(rowToEvent);
  return { events, nextCursor: rows.length > page.limit ? events.at(-1)!.position : null };
}
