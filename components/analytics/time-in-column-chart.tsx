"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPanel } from "./chart-panel";
import { axis, columnColor, doneColor, grid, tooltip } from "./chart-theme";
import { durationUnit, formatDuration, toDays } from "./format";
import type { FlowData } from "./types";

/** The average time a task spent in each column within the range (archived time left out). */
export function TimeInColumnChart({ data, fileName }: { data: FlowData; fileName: string }) {
  const columns = data.timeInColumn.filter((column) => column.tasks > 0 || !data.columns.find((c) => c.id === column.columnId)?.removed);
  const unit = durationUnit(Math.max(0, ...columns.map((column) => column.averageMs)));
  const rows = columns.map((column) => ({ ...column, average: Math.round((column.averageMs / unit.ms) * 100) / 100 }));

  return (
    <ChartPanel
      id="time-in-column"
      title="Time in each column"
      description="The average time each task that was in a column spent there within the range, counting every visit; time while archived is left out."
      summary={`Average time in column: ${columns.map((column) => `${column.name} ${formatDuration(column.averageMs)} over ${column.tasks} tasks`).join(", ")}.`}
      numbers={{
        header: ["Column", "Tasks", "Average (days)", "Total (days)"],
        rows: columns.map((column) => [column.name, column.tasks, toDays(column.averageMs), toDays(column.totalMs)]),
      }}
      fileName={fileName}
      empty={columns.some((column) => column.tasks) ? null : "No task was on the board in this range."}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} accessibilityLayer={false} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...grid} vertical={false} />
          <XAxis {...axis} dataKey="name" />
          <YAxis {...axis} unit={unit.suffix} />
          <Tooltip {...tooltip} formatter={(average) => [`${average} ${unit.name}`, "Average"]} />
          <Bar dataKey="average" name={`Average ${unit.name}`} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.columnId} fill={row.columnId === data.doneColumnId ? doneColor : columnColor(data.columns.findIndex((c) => c.id === row.columnId))} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
