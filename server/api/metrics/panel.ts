import { metricsSampler, SAMPLE_EVERY_MS } from "../../metrics";
import { startMetricsSampler } from "../../metrics/background";
import { refreshHealthGauges } from "../../projectors";
import { snapshotsPerDay } from "../../eventstore";
import { operatorProcedure } from "../operator-procedure";

/** Days of snapshot counts the panel charts. */
const SNAPSHOT_DAYS = 14;

/**
 * What the operations panel charts: this instance's recent samples (events/s, append latency, handler
 * errors, dead letters, lag) and, from the database, the current lag, dead letters and snapshots per day.
 */
export const metricsPanel = operatorProcedure.query(async ({ ctx }) => {
  startMetricsSampler();
  const [health, snapshotDays] = await Promise.all([refreshHealthGauges(ctx.db), snapshotsPerDay(ctx.db, SNAPSHOT_DAYS)]);
  return { sampleEveryMs: SAMPLE_EVERY_MS, samples: metricsSampler().samples(), ...health, snapshotDays };
});
