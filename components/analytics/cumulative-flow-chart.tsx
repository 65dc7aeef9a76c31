"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPanel } from "./chart-panel";
import { axis, columnColor, doneColor, grid, legend, tooltip } from "./chart-theme";
import { formatDay, formatInstant } from "./format";
import type { FlowData } from "./types";

/** Tasks per column over time, stacked with done at the bottom, as the board's columns read right to left. */
export function CumulativeFlowChart({ data, fileName }: { data: FlowData; fileName: string }) {
  const samples = data.cumulativeFlow;
  // A removed column shows only if it held work in the range.
  const columns = data.columns.filter((column) => !column.removed || samples.some((sample) => sample.counts[column.id]));
  const stacked = [...columns].reverse().sort((a, b) => Number(b.id === data.doneColumnId) - Number(a.id === data.doneColumnId));
  const rows = samples.map((sample) => ({ at: sample.at.getTime(), ...sample.counts }));
  const label = (column: (typeof columns)[number]) => (column.removed ? `${column.name} (removed)` : column.name);
  const last = samples.at(-1);

  return (
    <ChartPanel
      id="cumulative-flow"
      title="Cumulative flow"
      description="How many tasks stood in each column at each instant. Archived tasks leave the diagram, except those archived in the done column."
      summary={
        last
          ? `Cumulative flow diagram, ${samples.length} samples from ${formatInstant(samples[0]!.at)} to ${formatInstant(last.at)}. At the end: ${columns
              .map((column) => `${label(column)} ${last.counts[column.id] ?? 0}`)
              .join(", ")}.`
          : "Cumulative flow diagram: no samples in this range."
      }
      numbers={{ header: ["Instant", ...columns.map(label)], rows: samples.map((sample) => [sample.at, ...columns.map((column) => sample.counts[column.id] ?? 0)]) }}
      fileName={fileName}
      empty={samples.length ? null : "Nothing to show in this range."}
    >
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis {...axis} dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(at: number) => formatDay(new Date(at))} />
          <YAxis {...axis} allowDecimals={false} />
          <Tooltip {...tooltip} labelFormatter={(at) => formatInstant(new Date(Number(at)))} />
          <Legend {...legend} />
          {stacked.map((column) => {
            const color = column.id === data.doneColumnId ? doneColor : columnColor(data.columns.indexOf(column));
            return (
              <Area
                key={column.id}
                dataKey={column.id}
                name={label(column)}
                stackId="flow"
                type="stepAfter"
                stroke={color}
                fill={color}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            );
          })}
        </AreaChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
