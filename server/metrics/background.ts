import { getPool } from "../db";
import { logger } from "../log";
import { metricsSampler } from "./sampler";
import { refreshHealthGauges } from "../projectors";

/** Starts the operations panel's sampler in the app's process (idempotent, like the projectors). */
export function startMetricsSampler() {
  metricsSampler().start(
    async () => void (await refreshHealthGauges(getPool())),
    (err) => logger.error({ err }, "metrics sampler failed"),
  );
}
