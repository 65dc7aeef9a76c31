import type { Db } from "../../db";
import { GENESIS_HASH } from "../chain-hash";

/** A time range of an export: from inclusive, to exclusive, either open. */
export interface ExportRange {
  from: Date | null;
  to: Date | null;
}

/** The contiguous part of a project's chain an export holds: chain indexes after `after` up to `through`. */
export interface ChainSegment {
  after: number;
  through: number;
  eventCount: number;
  firstPosition: number | null;
  lastPosition: number | null;
  hashBeforeRange: string;
  lastHash: string;
}

/*
 * From the first link whose event is at or after `from` to the last one before `to`. Timestamps are taken
 * at insert and the chain follows commit order, so they can be out of order by a few microseconds between
 * concurrent commits (or more in an imported history): the segment then keeps such a neighbour rather than
 * leave a hole, and consecutive ranges never leave a gap between their segments.
 */
const SEGMENT_SQL = `
WITH head AS (SELECT coalesce(max(chain_index), 0) AS i FROM event_hashes WHERE project_id = $1),
bounds AS (
  SELECT
    CASE WHEN $2::timestamptz IS NULL THEN 1
         ELSE coalesce((SELECT min(h.chain_index) FROM event_hashes h JOIN events e ON e.position = h.position
                        WHERE h.project_id = $1 AND e."timestamp" >= $2), head.i + 1) END AS first,
    CASE WHEN $3::timestamptz IS NULL THEN head.i
         ELSE coalesce((SELECT max(h.chain_index) FROM event_hashes h JOIN events e ON e.position = h.position
                        WHERE h.project_id = $1 AND e."timestamp" < $3), 0) END AS last
  FROM head
)
SELECT b.first, b.last, h.chain_index, h.position, h.hash
FROM bounds b
LEFT JOIN event_hashes h ON h.project_id = $1 AND h.chain_index IN (b.first - 1, b.first, b.last)`;

export async function chainSegment(db: Db, projectId: string, range: ExportRange): Promise<ChainSegment> {
  const { rows } = await db.query<{ first: string; last: string; chain_index: string | null; position: string; hash: string }>(
    SEGMENT_SQL,
    [projectId, range.from, range.to],
  );
  const first = Number(rows[0]!.first);
  const last = Number(rows[0]!.last);
  const at = new Map(rows.map((r) => [Number(r.chain_index), { position: Number(r.position), hash: r.hash }]));
  const eventCount = Math.max(0, last - first + 1);
  const hashBeforeRange = first > 1 ? at.get(first - 1)!.hash : GENESIS_HASH;
  return {
    after: first - 1,
    through: last,
    eventCount,
    firstPosition: eventCount > 0 ? at.get(first)!.position : null,
    lastPosition: eventCount > 0 ? at.get(last)!.position : null,
    hashBeforeRange,
    lastHash: eventCount > 0 ? at.get(last)!.hash : hashBeforeRange,
  };
}
