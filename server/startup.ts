import { startBackgroundSealer } from "./audit/background-sealer";
import { startMetricsSampler } from "./metrics/background";
import { startBackgroundProjectors } from "./projectors/background";
import { processWide } from "./process-wide";
import { startBackgroundWorkflows } from "./workflows/background";

/**
 * What the app's process runs beside its requests: the audit sealer, the projectors, the automation and the
 * metrics sampler. Started once per process, also across hot reloads in development.
 */
export function startBackgroundWork(): void {
  processWide("chronoboardBackground", () => {
    startBackgroundSealer();
    startBackgroundProjectors();
    startBackgroundWorkflows();
    startMetricsSampler();
    return true;
  });
}
