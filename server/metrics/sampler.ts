import { type Bucket, bucketDelta, histogramQuantile } from "./quantile";
import { metrics } from "./registry";
import { processWide } from "../process-wide";

/** How often the operations panel's series get a point, and how many points they keep (ten minutes). */
export const SAMPLE_EVERY_MS = 5_000;
const KEEP = 120;

/** One point of the operations panel's charts: rates over the interval before `at`, gauges at `at`. */
export interface MetricsSample {
  at: string;
  eventsPerSecond: number;
  /** Append latency in ms over the interval; null when nothing was appended. */
  appendAvgMs: number | null;
  appendP95Ms: number | null;
  handlerErrorsPerSecond: number;
  deadLetters: number;
  /** Events each projector is behind, by projector name. */
  lagEvents: Record<string, number>;
  liveClients: number;
}

interface Reading {
  at: number;
  appended: number;
  handlerErrors: number;
  buckets: Bucket[];
  latencySum: number;
}

const total = (values: { value: number }[]) => values.reduce((sum, v) => sum + v.value, 0);

async function read(): Promise<Reading> {
  const m = metrics();
  const histogram = (await m.appendDuration.get()).values;
  const buckets = histogram
    .filter((v) => v.metricName?.endsWith("_bucket"))
    .map((v) => {
      const { le } = v.labels as { le: string | number };
      return { le: le === "+Inf" ? Infinity : Number(le), count: v.value };
    });
  return {
    at: Date.now(),
    appended: total((await m.eventsAppended.get()).values),
    handlerErrors: total((await m.handlerErrors.get()).values),
    buckets,
    latencySum: total(histogram.filter((v) => v.metricName?.endsWith("_sum"))),
  };
}

/**
 * Keeps the recent history of this process's metrics for the operations panel: every SAMPLE_EVERY_MS it
 * refreshes the gauges read from the database, then turns the counters' growth since the previous reading
 * into rates and the latency histogram's growth into an average and a p95. Prometheus scrapes the same
 * registry and computes its own rates; this history only spares the panel a Prometheus server.
 */
class MetricsSampler {
  private readonly points: MetricsSample[] = [];
  private previous: Reading | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** Starts sampling (once per process); `refresh` updates the database-backed gauges before each point. */
  start(refresh: () => Promise<void>, onError: (error: unknown) => void): void {
    if (this.timer) return;
    const tick = () => this.sample(refresh).catch(onError);
    this.timer = setInterval(tick, SAMPLE_EVERY_MS).unref();
    void tick();
  }

  samples(): MetricsSample[] {
    return [...this.points];
  }

  private async sample(refresh: () => Promise<void>): Promise<void> {
    await refresh();
    const now = await read();
    const before = this.previous;
    this.previous = now;
    if (!before) return;
    const seconds = (now.at - before.at) / 1000;
    const latency = bucketDelta(now.buckets, before.buckets);
    const appends = latency.at(-1)?.count ?? 0;
    const p95 = histogramQuantile(0.95, latency);
    const m = metrics();
    const lag = (await m.projectionLagEvents.get()).values;
    this.points.push({
      at: new Date(now.at).toISOString(),
      eventsPerSecond: (now.appended - before.appended) / seconds,
      appendAvgMs: appends > 0 ? ((now.latencySum - before.latencySum) / appends) * 1000 : null,
      appendP95Ms: p95 === null ? null : p95 * 1000,
      handlerErrorsPerSecond: (now.handlerErrors - before.handlerErrors) / seconds,
      deadLetters: total((await m.deadLetters.get()).values),
      lagEvents: Object.fromEntries(lag.map((v) => [String(v.labels.projector), v.value])),
      liveClients: total((await m.liveClients.get()).values),
    });
    if (this.points.length > KEEP) this.points.shift();
  }
}


export function metricsSampler(): MetricsSampler {
  return processWide("chronoboardSampler", () => new MetricsSampler());
}
