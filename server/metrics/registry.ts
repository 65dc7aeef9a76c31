import client from "prom-client";
import { processWide } from "../process-wide";

/** Latency buckets in seconds, from a warm append (about 1 ms) to a stalled one. */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Counter<L>({ name, help, labelNames, registers });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new client.Gauge<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new client.Histogram<L>({ name, help, labelNames, buckets, registers });

  return {
    registry,
    eventsAppended: counter("chronoboard_events_appended_total", "Events appended to the log by this process, by event type", ["event_type"]),
    appendDuration: histogram(
      "chronoboard_append_duration_seconds",
      "Time of one append statement (a command's events), from sending it to its answer",
      [],
      LATENCY_BUCKETS,
    ),
    projectedEvents: counter(
      "chronoboard_projector_events_total",
      "Events a projector took from the feed (applied, parked or held), by projector",
      ["projector"],
    ),
    projectorBatchDuration: histogram(
      "chronoboard_projector_batch_duration_seconds",
      "Time of one projector batch transaction that took events, by projector",
      ["projector"],
      LATENCY_BUCKETS,
    ),
    handlerErrors: counter(
      "chronoboard_projector_handler_errors_total",
      "Failed attempts of a projector's handler, by projector and event type",
      ["projector", "event_type"],
    ),
    projectionLagEvents: gauge(
      "chronoboard_projection_lag_events",
      "Committed events a projector has not taken yet, counted up to 100,000 (read from the database at each scrape)",
      ["projector"],
    ),
    projectionLagSeconds: gauge(
      "chronoboard_projection_lag_seconds",
      "Age of the oldest event a projector has not taken yet, 0 when caught up (read at each scrape)",
      ["projector"],
    ),
    deadLetters: gauge(
      "chronoboard_dead_letters",
      "Dead letters waiting for an operator or held behind one, by projector and status (read at each scrape)",
      ["projector", "status"],
    ),
    snapshotsTaken: counter("chronoboard_snapshots_taken_total", "Snapshots stored by this process, by kind (aggregate, board)", ["kind"]),
    snapshotSize: histogram("chronoboard_snapshot_size_bytes", "Size of each stored snapshot's JSON, by kind", ["kind"], client.exponentialBuckets(1024, 4, 8)),
    rebuildDuration: histogram(
      "chronoboard_projection_rebuild_duration_seconds",
      "Time of a completed read-model rebuild (replay and swap), by projector",
      ["projector"],
      [1, 5, 15, 60, 300, 900, 3600],
    ),
    liveClients: gauge("chronoboard_live_clients", "Browsers following a board's live updates on this instance", []),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process: Next.js may load this module once per bundle (instrumentation, routes).

export function metrics(): Metrics {
  return processWide("chronoboardMetrics", createMetrics);
}
