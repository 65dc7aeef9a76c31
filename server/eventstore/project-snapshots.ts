import type { Db } from "../db";
import type { ProjectCut } from "./project-cut";
import { MILLISECOND } from "./read";

/** A whole project's state as of a cut, stored as the caller encoded it. */
export interface ProjectSnapshot {
  cut: ProjectCut;
  /** The position of the last event the state holds. */
  position: number;
  state: string;
}

/**
 * The cut of the newest project snapshot of the given state schema version whose instant is at or before
 * `until` (inclusive to the millisecond, as readProject; default: the newest). Its state is read apart
 * (readProjectSnapshotState), so a caller holding it in a cache need not fetch it.
 */
export async function findProjectSnapshot(db: Db, projectId: string, stateSchemaVersion: number, until?: Date): Promise<ProjectCut | null> {
  const { rows } = await db.query<{ covers_until: string; visibility: string }>(
    `SELECT covers_until::text, visibility::text FROM board_snapshots
     WHERE project_id = $1 AND state_schema_version = $2
       AND ($3::timestamptz IS NULL OR covers_until < $3 + ${MILLISECOND})
     ORDER BY covers_until DESC LIMIT 1`,
    [projectId, stateSchemaVersion, until ?? null],
  );
  const found = rows[0];
  return found ? { timestamp: found.covers_until, visibility: found.visibility } : null;
}

/** The stored state of the project snapshot at that cut. */
export async function readProjectSnapshotState(db: Db, projectId: string, cut: ProjectCut): Promise<string> {
  const { rows } = await db.query<{ state: string }>(
    `SELECT state FROM board_snapshots WHERE project_id = $1 AND covers_until = $2::timestamptz`,
    [projectId, cut.timestamp],
  );
  return rows[0]!.state;
}

/**
 * Stores a project snapshot and drops the project's snapshots of older state schema versions. A snapshot
 * already stored at that instant is replaced only by a newer schema version. True if this one was stored.
 */
export async function saveProjectSnapshot(db: Db, projectId: string, stateSchemaVersion: number, snapshot: ProjectSnapshot): Promise<boolean> {
  const { rowCount } = await db.query(
    `WITH outdated AS (
       DELETE FROM board_snapshots
       WHERE project_id = $1 AND state_schema_version < $2 AND covers_until <> $3::timestamptz
     )
     INSERT INTO board_snapshots (project_id, covers_until, visibility, position, state_schema_version, state)
     VALUES ($1, $3, $4::pg_snapshot, $5, $2, $6)
     ON CONFLICT (project_id, covers_until) DO UPDATE
       SET visibility = EXCLUDED.visibility, position = EXCLUDED.position, state = EXCLUDED.state,
           state_schema_version = EXCLUDED.state_schema_version, taken_at = now()
       WHERE board_snapshots.state_schema_version < EXCLUDED.state_schema_version
     RETURNING 1`,
    [projectId, stateSchemaVersion, snapshot.cut.timestamp, snapshot.cut.visibility, snapshot.position, snapshot.state],
  );
  return Boolean(rowCount);
}
