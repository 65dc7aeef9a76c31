import { metrics } from "./registry";

/*
 * One call per instrumented site, so the code that does the work carries a single line for its metrics.
 * Durations are taken with performance.now() by the caller and given here in milliseconds.
 */

export function recordAppend(events: readonly { eventType: string }[], ms: number): void {
  const m = metrics();
  for (const { eventType } of events) m.eventsAppended.inc({ event_type: eventType });
  m.appendDuration.observe(ms / 1000);
}

export function recordProjectorBatch(projector: string, events: number, ms: number): void {
  // Idle polls (one a second per projector) would bury the batches that did work.
  if (events === 0) return;
  const m = metrics();
  m.projectedEvents.inc({ projector }, events);
  m.projectorBatchDuration.observe({ projector }, ms / 1000);
}

export function recordHandlerError(projector: string, eventType: string): void {
  metrics().handlerErrors.inc({ projector, event_type: eventType });
}

export function recordSnapshot(kind: "aggregate" | "board", json: string): void {
  const m = metrics();
  m.snapshotsTaken.inc({ kind });
  m.snapshotSize.observe({ kind }, Buffer.byteLength(json));
}

export function recordRebuild(projector: string, ms: number): void {
  metrics().rebuildDuration.observe({ projector }, ms / 1000);
}

/** Counts a live-update stream until its signal aborts (the browser went away). */
export function trackLiveClient(signal: AbortSignal): void {
  if (signal.aborted) return;
  const { liveClients } = metrics();
  liveClients.inc();
  signal.addEventListener("abort", () => liveClients.dec(), { once: true });
}

/** Sets the gauges read from the database (the lag and dead letters are the installation's, not this process's). */
export function setProjectionHealth(
  lag: readonly { projector: string; events: number; seconds: number }[],
  deadLetters: readonly { projector: string; status: string; count: number }[],
): void {
  const m = metrics();
  // Reset first: a projector or status that is gone must leave the scrape, not keep its last value.
  m.projectionLagEvents.reset();
  m.projectionLagSeconds.reset();
  m.deadLetters.reset();
  for (const { projector, events, seconds } of lag) {
    m.projectionLagEvents.set({ projector }, events);
    m.projectionLagSeconds.set({ projector }, seconds);
  }
  for (const { projector, status, count } of deadLetters) m.deadLetters.set({ projector, status }, count);
}
