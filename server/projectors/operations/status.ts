import type { Db } from "../../db";
import { feedLag } from "../../eventstore";
import { localRunners } from "../background";
import { projectors } from "../../read-models";
import { lockName } from "../runner/projector";
import { type RebuildJob, rebuildJob } from "./rebuild-jobs";

export type Leadership = "here" | "elsewhere" | "none";

export interface ProjectorStatus {
  name: string;
  /** Global position of the last event passed (0 before the first batch). */
  position: number;
  checkpointAt: Date | null;
  /** Events committed that the projector has not reached yet. */
  lagEvents: number;
  /** How long the oldest of those has been waiting. */
  lagSeconds: number;
  leader: Leadership;
  parked: number;
  held: number;
  rebuild: RebuildJob | null;
}

/**
 * Whether a session advisory lock is held by some session of this database (pg_locks lists every database's
 * locks, and another installation on the same server uses the same keys; it splits a bigint key in two oids).
 */
const HELD = `EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($2, 0))`;

/** Every read model's projector: where it stands, how far behind, who leads it, what it parked. */
export async function projectorStatuses(db: Db): Promise<ProjectorStatus[]> {
  return Promise.all(Object.values(projectors).map((projector) => projectorStatus(db, projector.name)));
}

async function projectorStatus(db: Db, name: string): Promise<ProjectorStatus> {
  const [[lag], { rows }] = await Promise.all([
    feedLag(db, [name]),
    db.query<{ position: string | null; updated_at: Date | null; held_lock: boolean; parked: number; held: number }>(
      `WITH c AS (SELECT position, updated_at FROM projection_checkpoints WHERE name = $1)
     SELECT (SELECT position FROM c) AS position, (SELECT updated_at FROM c) AS updated_at,
       ${HELD} AS held_lock,
       (SELECT count(*)::int FROM dead_letters WHERE projector = $1 AND status IN ('parked', 'retrying')) AS parked,
       (SELECT count(*)::int FROM dead_letters WHERE projector = $1 AND status = 'held') AS held`,
      [name, lockName("leader", name)],
    ),
  ]);
  const row = rows[0]!;
  const leader: Leadership = localRunners().get(name)?.leading ? "here" : row.held_lock ? "elsewhere" : "none";
  return {
    name,
    position: Number(row.position ?? 0),
    checkpointAt: row.updated_at,
    lagEvents: lag!.events,
    lagSeconds: lag!.seconds,
    leader,
    parked: row.parked,
    held: row.held,
    rebuild: rebuildJob(name),
  };
}
