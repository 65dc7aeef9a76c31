"use client";

import { ChartPanel } from "./chart-panel";
import { toDays } from "./format";
import type { FlowData } from "./types";

/** Each task completed in the range, newest first, with its lead and cycle time. */
export function CompletedTasksTable({ data, fileName }: { data: FlowData; fileName: string }) {
  const tasks = [...data.completed].sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime());
  return (
    <ChartPanel
      id="completed-tasks"
      title="Completed tasks"
      description={`${tasks.length === 1 ? "1 task" : `${tasks.length} tasks`} completed in the range, newest first; times in days.`}
      summary={`${tasks.length} completed tasks`}
      numbers={{
        header: ["Task", "Created", "Started", "Completed", "Lead time (days)", "Cycle time (days)", "Archived"],
        rows: tasks.map((task) => [
          task.title,
          task.createdAt,
          task.startedAt,
          task.completedAt,
          toDays(task.leadTimeMs!),
          toDays(task.cycleTimeMs!),
          task.archived ? "yes" : "no",
        ]),
      }}
      fileName={fileName}
      empty={tasks.length ? null : "No task was completed in this range."}
    />
  );
}
