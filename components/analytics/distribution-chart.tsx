"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPanel } from "./chart-panel";
import { axis, cycleColor, grid, leadColor, legend, tooltip } from "./chart-theme";
import { binLabel, formatDuration } from "./format";
import type { FlowData } from "./types";

/** How many completed tasks took how long, lead and cycle time side by side in the same bins. */
export function DistributionChart({ data, fileName }: { data: FlowData; fileName: string }) {
  const { bins } = data.distribution;
  const rows = bins.map((bin) => ({ label: binLabel(bin.fromMs, bin.toMs), lead: bin.lead, cycle: bin.cycle }));
  const stats = (name: string, s: FlowData["leadTime"]) =>
    `${name}: median ${formatDuration(s.p50Ms)}, 85th percentile ${formatDuration(s.p85Ms)}, 95th percentile ${formatDuration(s.p95Ms)}, mean ${formatDuration(s.meanMs)}`;

  return (
    <ChartPanel
      id="time-distribution"
      title="Lead and cycle time distribution"
      description={
        <>
          Tasks completed in the range, by how long they took. {data.leadTime.count ? `${stats("Lead time", data.leadTime)}. ${stats("Cycle time", data.cycleTime)}.` : ""}
        </>
      }
      summary={`Histogram of ${data.leadTime.count} completed tasks. ${stats("Lead time", data.leadTime)}. ${stats("Cycle time", data.cycleTime)}.`}
      numbers={{ header: ["From (hours)", "To (hours)", "Lead time (tasks)", "Cycle time (tasks)"], rows: bins.map((bin) => [bin.fromMs / 3_600_000, bin.toMs / 3_600_000, bin.lead, bin.cycle]) }}
      fileName={fileName}
      empty={bins.length ? null : "No task was completed in this range."}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis {...axis} dataKey="label" />
          <YAxis {...axis} allowDecimals={false} />
          <Tooltip {...tooltip} />
          <Legend {...legend} />
          <Bar dataKey="lead" name="Lead time" fill={leadColor} isAnimationActive={false} />
          <Bar dataKey="cycle" name="Cycle time" fill={cycleColor} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
