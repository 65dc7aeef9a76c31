import { hostname } from "node:os";
import type pg from "pg";
import type { Db } from "../../db";
import { projectors } from "../../read-models";
import { lockName } from "../runner/projector";
import { rebuild } from "../runner/rebuild";
import { advisoryLockHeld } from "./advisory-held";

export interface RebuildJob {
  startedAt: Date;
  finishedAt: Date | null;
  events: number;
  position: number;
  /** The log's last position when the rebuild started. */
  target: number;
  error: string | null;
  /** The app instance that runs or ran it. */
  instance: string;
}

/** A job not yet finished whose rebuild lock nobody holds is running only if it was just started (or moved). */
const STARTING_MS = 10_000;

const instanceName = () => process.env.PGAPPNAME ?? `${hostname()}:${process.pid}`;

/**
 * The latest rebuild of a read model, started by any instance, running or finished (rebuild_jobs). One that
 * stopped half-way because its instance died (its rebuild lock went with its connection) is reported as
 * finished with an error.
 */
export async function rebuildJob(db: Db, name: string): Promise<RebuildJob | null> {
  const { rows } = await db.query<{
    instance: string;
    started_at: Date;
    updated_at: Date;
    finished_at: Date | null;
    events: string;
    position: string;
    target: string;
    error: string | null;
    running: boolean;
  }>(
    `SELECT *, ${advisoryLockHeld("$2")} OR updated_at > now() - make_interval(secs => $3 / 1000.0) AS running
     FROM rebuild_jobs WHERE name = $1`,
    [name, lockName("rebuild", name), STARTING_MS],
  );
  const row = rows[0];
  if (!row) return null;
  const interrupted = !row.finished_at && !row.running;
  return {
    startedAt: row.started_at,
    finishedAt: interrupted ? row.updated_at : row.finished_at,
    events: Number(row.events),
    position: Number(row.position),
    target: Number(row.target),
    error: interrupted ? `Interrupted: the instance running it (${row.instance}) stopped` : row.error,
    instance: row.instance,
  };
}

/**
 * Starts rebuilding a read model in the background (rebuild.ts: a fresh table, swapped in once caught up)
 * and returns at once with the job's start; its progress is read with rebuildJob, from any instance. Null when
 * one is running already, on any instance (the rebuild's own lock refuses a second one all the same).
 */
export async function startRebuild(pool: pg.Pool, name: string): Promise<Date | null> {
  const projector = projectors[name];
  if (!projector) throw new Error(`No read model named ${name}`);
  const { rows } = await pool.query<{ started_at: Date }>(
    `INSERT INTO rebuild_jobs AS j (name, instance, started_at, updated_at) VALUES ($1, $2, now(), now())
     ON CONFLICT (name) DO UPDATE SET instance = $2, started_at = now(), updated_at = now(), finished_at = NULL,
       events = 0, position = 0, target = 0, error = NULL
     WHERE j.finished_at IS NOT NULL OR NOT (${advisoryLockHeld("$3")} OR j.updated_at > now() - make_interval(secs => $4 / 1000.0))
     RETURNING started_at`,
    [name, instanceName(), lockName("rebuild", name), STARTING_MS],
  );
  const startedAt = rows[0]?.started_at;
  if (!startedAt) return null;

  // Progress rows are written one after the other, never out of order.
  let written = Promise.resolve();
  const write = (sql: string, values: unknown[]) => {
    written = written.then(() => pool.query(sql, [name, ...values])).then(
      () => {},
      () => {},
    );
  };
  rebuild(pool, projector, {
    onProgress: ({ events, position, target }) =>
      write(`UPDATE rebuild_jobs SET events = $2, position = $3, target = $4, updated_at = now() WHERE name = $1`, [events, position, target]),
  })
    .then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    )
    .then((error) => write(`UPDATE rebuild_jobs SET finished_at = now(), updated_at = now(), error = $2 WHERE name = $1`, [error]));
  return startedAt;
}
