import type { Db } from "../../db";
import { projectRangeEnds } from "../../eventstore";
import { GENESIS_HASH } from "../chain-hash";

/** A time range of an export: from inclusive, to exclusive, either open; UTC instants with microseconds. */
export interface ExportRange {
  from: string | null;
  to: string | null;
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
 * leave a hole, and consecutive ranges never leave a gap between their segments. A command counts at its
 * last instant, so a range never ends inside a command. The chain's head is read
 * first and the ends are looked for up to it, so the segment is the chain as of that read.
 */
export async function chainSegment(db: Db, projectId: string, range: ExportRange): Promise<ChainSegment> {
  const { rows: heads } = await db.query<{ chain_index: string; transaction_id: string; position: string }>(
    `SELECT chain_index, transaction_id::text AS transaction_id, position FROM event_hashes
     WHERE project_id = $1 ORDER BY chain_index DESC LIMIT 1`,
    [projectId],
  );
  const head = heads[0];
  const headIndex = head ? Number(head.chain_index) : 0;
  const ends = head
    ? await projectRangeEnds(db, projectId, range, { transactionId: head.transaction_id, position: Number(head.position) })
    : { first: null, last: null };
  const { rows } = await db.query<{ first: string; last: string; chain_index: string | null; position: string; hash: string }>(
    `WITH bounds AS (
       SELECT coalesce((SELECT chain_index FROM event_hashes WHERE position = $2), $3) AS first,
              coalesce((SELECT chain_index FROM event_hashes WHERE position = $4), $5) AS last
     )
     SELECT b.first, b.last, h.chain_index, h.position, h.hash
     FROM bounds b
     LEFT JOIN event_hashes h ON h.project_id = $1 AND h.chain_index IN (b.first - 1, b.first, b.last)`,
    [projectId, ends.first, range.from === null ? 1 : headIndex + 1, ends.last, range.to === null ? headIndex : 0],
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
