import { getPool } from "../db";
import { logger } from "../log";
import { projectors } from "../read-models";
import { ProjectorRunner } from "./runner/runner";

const globalForProjectors = globalThis as unknown as { chronoboardProjectors?: Map<string, ProjectorRunner> };

/** The runners started in this process, by projector name (none in a script). */
export function localRunners(): ReadonlyMap<string, ProjectorRunner> {
  return globalForProjectors.chronoboardProjectors ?? new Map();
}

/**
 * Starts a runner for every read model in the app's process (idempotent, also across hot reloads). Every
 * app instance starts them; each projector's lock lets one instance lead.
 */
export function startBackgroundProjectors() {
  if (globalForProjectors.chronoboardProjectors) return;
  const runners = new Map<string, ProjectorRunner>();
  globalForProjectors.chronoboardProjectors = runners;
  for (const projector of Object.values(projectors)) {
    const runner = new ProjectorRunner(projector, { pool: getPool() });
    runners.set(projector.name, runner);
    runner
      .start(new AbortController().signal)
      .catch((err) => logger.error({ err, projector: projector.name }, "projector stopped listening"));
  }
}
