import { getPool } from "../db/pool";
import { logger } from "../log/logger";
import { projectors } from "./registry";
import { ProjectorRunner } from "./runner/runner";

const globalForProjectors = globalThis as unknown as { chronoboardProjectors?: boolean };

/**
 * Starts a runner for every read model in the app's process (idempotent, also across hot reloads). Every
 * app instance starts them; each projector's lock lets one instance lead.
 */
export function startBackgroundProjectors() {
  if (globalForProjectors.chronoboardProjectors) return;
  globalForProjectors.chronoboardProjectors = true;
  for (const projector of Object.values(projectors)) {
    new ProjectorRunner(projector, { pool: getPool() })
      .start(new AbortController().signal)
      .catch((err) => logger.error({ err, projector: projector.name }, "projector stopped listening"));
  }
}
