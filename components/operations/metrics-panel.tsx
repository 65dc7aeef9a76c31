"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { MetricChart, palette, type Point } from "./metric-chart";

const clock = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const day = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const decimal = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 1 : 0 });
const milliseconds = (n: number) => `${n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 2 : 0 })} ms`;
const whole = (n: number) => Math.round(n).toLocaleString("en-US");
const seconds = (n: number) => (n < 60 ? `${decimal(n)} s` : `${decimal(n / 60)} min`);

/** "now X, peak Y" over a series, for the charts' accessible names. */
function trend(points: Point[], key: string, format: (n: number) => string): string {
  const values = points.map((p) => p[key]).filter((v): v is number => typeof v === "number");
  if (values.length === 0) return "no data yet";
  return `now ${format(values.at(-1)!)}, peak ${format(Math.max(...values))}`;
}

/**
 * The operations panel: this instance's event processing over the last minutes, polled live, and the
 * installation's projection lag, dead letters and snapshots from the database.
 */
export function MetricsPanel() {
  const trpc = useTRPC();
  const panel = useQuery({ ...trpc.metrics.panel.queryOptions(), refetchInterval: 5_000 });

  if (panel.isError && !panel.data) {
    return (
      <p role="alert" className="rounded-lg border border-danger-border bg-danger-surface p-4 text-sm text-danger">
        The metrics could not be loaded: {errorMessage(panel.error)}
      </p>
    );
  }
  if (!panel.data) return <p className="text-sm text-fg-muted">Loading metrics…</p>;

  const { samples, lag, deadLetters, snapshotDays, sampleEveryMs } = panel.data;
  const projectors = lag.map((l) => l.projector);
  const points: Point[] = samples.map((s) => ({
    at: clock.format(new Date(s.at)),
    events: s.eventsPerSecond,
    avg: s.appendAvgMs,
    p95: s.appendP95Ms,
    errors: s.handlerErrorsPerSecond,
    deadLetters: s.deadLetters,
    ...Object.fromEntries(projectors.map((p) => [`lag:${p}`, s.lagEvents[p] ?? null])),
  }));
  const last = samples.at(-1);
  // An interval without appends has no latency: show the latest one measured.
  const lastP95 = samples.findLast((s) => s.appendP95Ms !== null)?.appendP95Ms ?? null;
  const window = `the last ${Math.max(1, Math.round((samples.length * sampleEveryMs) / 60_000))} min`;
  const openLetters = deadLetters.reduce((sum, d) => sum + d.count, 0);
  const parked = deadLetters.filter((d) => d.status === "parked").reduce((sum, d) => sum + d.count, 0);
  const maxLag = Math.max(0, ...lag.map((l) => l.events));
  const days: Point[] = snapshotDays.map((d) => ({ day: day.format(new Date(`${d.day}T00:00:00Z`)), aggregate: d.aggregate, board: d.board }));
  const snapshotsToday = (snapshotDays.at(-1)?.aggregate ?? 0) + (snapshotDays.at(-1)?.board ?? 0);

  return (
    <div>
      <p className="text-sm text-fg-muted" aria-live="polite">
        {samples.length < 2
          ? `Collecting: a point every ${sampleEveryMs / 1000} s.`
          : `${samples.length} points over ${window}, one every ${sampleEveryMs / 1000} s${last ? `; last at ${clock.format(new Date(last.at))}` : ""}.`}{" "}
        Rates and latency are this instance&apos;s; lag, dead letters and snapshots are the whole installation&apos;s.
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <MetricChart
          title="Events appended / s"
          value={last ? decimal(last.eventsPerSecond) : "–"}
          summary={`Events appended per second over ${window}: ${trend(points, "events", decimal)}`}
          data={points}
          xKey="at"
          series={[{ key: "events", name: "events/s", color: palette[0]! }]}
          format={decimal}
        />
        <MetricChart
          title="Append latency (ms)"
          value={lastP95 !== null ? `p95 ${milliseconds(lastP95)}` : "–"}
          summary={`Append latency over ${window}: average ${trend(points, "avg", milliseconds)}; p95 ${trend(points, "p95", milliseconds)}`}
          data={points}
          xKey="at"
          series={[
            { key: "avg", name: "average", color: palette[0]! },
            { key: "p95", name: "p95", color: palette[1]! },
          ]}
          format={(n) => decimal(n)}
        />
        <MetricChart
          title="Projection handler errors / s"
          value={last ? decimal(last.handlerErrorsPerSecond) : "–"}
          summary={`Failed handler attempts per second over ${window}: ${trend(points, "errors", decimal)}`}
          data={points}
          xKey="at"
          series={[{ key: "errors", name: "errors/s", color: "var(--cb-danger)" }]}
          format={decimal}
        />
        <MetricChart
          title="Dead letters"
          value={whole(openLetters)}
          summary={`Open dead letters over ${window}: ${trend(points, "deadLetters", whole)}`}
          data={points}
          xKey="at"
          series={[{ key: "deadLetters", name: "open", color: "var(--cb-danger)" }]}
          format={whole}
        >
          <p className="mt-2 text-xs text-fg-muted">
            {parked > 0 ? `${whole(parked)} parked, waiting for a decision. ` : "Nothing parked. "}
            <Link href="/ops" className="font-medium text-accent-text underline-offset-4 hover:underline focus-visible:underline">
              Retry or skip on the operations page
            </Link>
          </p>
        </MetricChart>
        <MetricChart
          title="Snapshots per day"
          value={`${whole(snapshotsToday)} today`}
          summary={`Snapshots stored per day over the last ${snapshotDays.length} days: ${snapshotDays
            .map((d) => `${d.day} ${d.aggregate} aggregate, ${d.board} board`)
            .join("; ")}`}
          data={days}
          xKey="day"
          kind="bar"
          series={[
            { key: "aggregate", name: "aggregate", color: palette[0]! },
            { key: "board", name: "board", color: palette[2]! },
          ]}
          format={whole}
        />
        <MetricChart
          title="Projection lag (events)"
          value={whole(maxLag)}
          summary={`Events behind per projector over ${window}: ${projectors.map((p) => `${p} ${trend(points, `lag:${p}`, whole)}`).join("; ")}`}
          data={points}
          xKey="at"
          series={projectors.map((p, i) => ({ key: `lag:${p}`, name: p, color: palette[i % palette.length]! }))}
          format={whole}
        >
          <table className="mt-2 w-full text-xs">
            <caption className="sr-only">Current lag of each projector</caption>
            <thead className="text-left text-fg-muted">
              <tr>
                <th scope="col" className="text-left font-medium">Projector</th>
                <th scope="col" className="text-right font-medium">Events behind</th>
                <th scope="col" className="text-right font-medium">Oldest waiting</th>
              </tr>
            </thead>
            <tbody className="text-fg tabular-nums">
              {lag.map((l) => (
                <tr key={l.projector}>
                  <th scope="row" className="text-left font-normal">{l.projector}</th>
                  <td className="text-right">{whole(l.events)}</td>
                  <td className="text-right">{l.events === 0 ? "caught up" : seconds(l.seconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </MetricChart>
      </div>
    </div>
  );
}
