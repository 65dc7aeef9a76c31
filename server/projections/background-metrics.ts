import { getPool } from "../db/pool";
import { logger } from "../log/logger";
import { metricsSampler } from "../metrics/sampler";
import { refreshHealthGauges } from "./health";

/** Starts the operations panel's sampler in the app's process (idempotent, like the projectors). */
export function startMetricsSampler() {
  metricsSampler().start(
    async () => void (await refreshHealthGauges(getPool())),
    (err) => logger.error({ err }, "metrics sampler failed"),
  );
}
