"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPanel } from "./chart-panel";
import { axis, doneColor, grid, tooltip } from "./chart-theme";
import { formatDay } from "./format";
import type { FlowData } from "./types";

/** Tasks completed per week (Monday to Monday, UTC); the first and last week may be cut by the range. */
export function ThroughputChart({ data, fileName }: { data: FlowData; fileName: string }) {
  const weeks = data.throughput;
  const rows = weeks.map((week) => ({ label: `Week of ${formatDay(week.weekStart)}`, completed: week.completed }));
  const total = weeks.reduce((sum, week) => sum + week.completed, 0);

  return (
    <ChartPanel
      id="throughput"
      title="Throughput per week"
      description="Tasks that entered the done column (and are still there) per week, Monday to Monday in UTC; the first and last weeks count only the part inside the range."
      summary={`Throughput: ${total} tasks completed over ${weeks.length} weeks: ${rows.map((row) => `${row.label} ${row.completed}`).join(", ")}.`}
      numbers={{ header: ["Week starting", "From", "To", "Completed"], rows: weeks.map((week) => [week.weekStart, week.from, week.to, week.completed]) }}
      fileName={fileName}
      empty={weeks.length ? null : "Nothing to show in this range."}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis {...axis} dataKey="label" tickFormatter={(label: string) => label.replace("Week of ", "")} />
          <YAxis {...axis} allowDecimals={false} />
          <Tooltip {...tooltip} />
          <Bar dataKey="completed" name="Completed" fill={doneColor} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
