import type pg from "pg";
import { projectors } from "../../read-models";
import { rebuild } from "../runner/rebuild";
import { processWide } from "../../process-wide";

export interface RebuildJob {
  startedAt: Date;
  finishedAt: Date | null;
  events: number;
  position: number;
  /** The log's last position when the rebuild started. */
  target: number;
  error: string | null;
}

const jobs = processWide("chronoboardRebuilds", () => new Map<string, RebuildJob>());

/** The latest rebuild of a read model started by this instance, running or finished. */
export function rebuildJob(name: string): RebuildJob | null {
  return jobs.get(name) ?? null;
}

/**
 * Starts rebuilding a read model in the background (rebuild.ts: a fresh table, swapped in once caught up)
 * and returns at once; its progress is read with rebuildJob. False when one is running here already (the
 * rebuild's own lock also refuses one running on another instance, which then shows as the job's error).
 */
export function startRebuild(pool: pg.Pool, name: string): boolean {
  const projector = projectors[name];
  if (!projector) throw new Error(`No read model named ${name}`);
  const running = jobs.get(name);
  if (running && !running.finishedAt) return false;
  const job: RebuildJob = { startedAt: new Date(), finishedAt: null, events: 0, position: 0, target: 0, error: null };
  jobs.set(name, job);
  rebuild(pool, projector, { onProgress: (progress) => Object.assign(job, progress) })
    .catch((error: unknown) => {
      job.error = error instanceof Error ? error.message : String(error);
    })
    .finally(() => {
      job.finishedAt = new Date();
    });
  return true;
}
