import { getPool } from "../db";
import { logger } from "../log";
import { projectors } from "../read-models";
import { processWide } from "../process-wide";
import { ProjectorRunner } from "./runner/runner";

const runners = () => processWide("chronoboardProjectors", () => new Map<string, ProjectorRunner>());

/** The runners started in this process, by projector name (none in a script). */
export function localRunners(): ReadonlyMap<string, ProjectorRunner> {
  return runners();
}

/**
 * Starts a runner for every read model in the app's process (once, by server/startup.ts). Every app
 * instance starts them; each projector's lock lets one instance lead.
 */
export function startBackgroundProjectors() {
  for (const projector of Object.values(projectors)) {
    const runner = new ProjectorRunner(projector, { pool: getPool() });
    runners().set(projector.name, runner);
    runner
      .start(new AbortController().signal)
      .catch((err) => logger.error({ err, projector: projector.name }, "projector stopped listening"));
  }
}
