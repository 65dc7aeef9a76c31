"use client";

import type { ReactNode } from "react";
import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  name: string;
  color: string;
}

export type Point = Record<string, string | number | null>;

/** Colours from the design tokens (globals.css), so the charts follow light and dark. */
export const palette = ["var(--cb-accent)", "#d97706", "#0d9488", "#db2777"];

const axisTick = { fill: "var(--cb-fg-muted)", fontSize: 11 };
const tooltipStyle = {
  backgroundColor: "var(--cb-surface)",
  border: "1px solid var(--cb-border)",
  borderRadius: 6,
  color: "var(--cb-fg)",
  fontSize: 12,
};

interface MetricChartProps {
  title: string;
  /** The current value, large, beside the title. */
  value: string;
  /** What the chart shows, in words: the accessible name of the chart (screen readers skip the drawing). */
  summary: string;
  data: Point[];
  xKey: string;
  series: Series[];
  kind?: "line" | "bar";
  format?: (n: number) => string;
  children?: ReactNode;
}

/** One small chart of the operations panel, in a card with its current value. */
export function MetricChart({ title, value, summary, data, xKey, series, kind = "line", format = String, children }: MetricChartProps) {
  const headingId = useId();
  const Chart = kind === "bar" ? BarChart : LineChart;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface p-4 shadow-xs">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-sm font-medium text-fg-muted">
          {title}
        </h2>
        <p className="text-xl font-semibold text-fg tabular-nums" data-testid="metric-value">
          {value}
        </p>
      </div>
      <div role="img" aria-label={summary} className="mt-3 h-32">
        <ResponsiveContainer width="100%" height="100%">
          <Chart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--cb-border)" vertical={false} />
            <XAxis dataKey={xKey} tick={axisTick} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis tick={axisTick} tickLine={false} axisLine={false} width={44} tickFormatter={format} allowDecimals />
            <Tooltip contentStyle={tooltipStyle} formatter={(v) => (typeof v === "number" ? format(v) : String(v))} />
            {series.map((s) =>
              kind === "bar" ? (
                <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId="stack" isAnimationActive={false} />
              ) : (
                <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls />
              ),
            )}
          </Chart>
        </ResponsiveContainer>
      </div>
      {series.length > 1 ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted" aria-label={`${title}: series`}>
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ backgroundColor: s.color }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}
