import type pg from "pg";
import { generateHistory, type GeneratedHistory } from "./generate-history";

/** Events in the history the log benches (rebuild, export) read: 100,000, or 1,000,000 with BENCH_FULL=1. */
export const LOG_EVENTS = process.env.BENCH_FULL ? 1_000_000 : 100_000;

/** Their sections' titles differ by size, so a full-size run and a default one keep each other's figures. */
export const logSize = (title: string) => (process.env.BENCH_FULL ? `${title} — full size (1M events)` : title);

let loaded: Promise<GeneratedHistory> | null = null;

/** One generated project history (COPY-loaded, no board snapshots), shared by the benches of one run. */
export function logHistory(pool: pg.Pool): Promise<GeneratedHistory> {
  loaded ??= generateHistory(pool, { events: LOG_EVENTS, tasks: LOG_EVENTS / 100, boardSnapshots: false }).then((h) => {
    console.log(`generated ${h.events.toLocaleString("en-US")} events in ${h.loadSeconds.toFixed(1)} s`);
    return h;
  });
  return loaded;
}
