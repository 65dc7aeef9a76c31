"use client";

import { useRouter } from "next/navigation";
import { chooseTheme } from "@/app/theme-action";
import { canExportAudit } from "@/components/history/history-links";
import { setAsOfParam } from "@/components/time-travel/use-as-of-param";
import { useTRPCClient } from "@/components/trpc/context";
import { type BoardFilters, isFiltering, noFilters, UNASSIGNED } from "./board-filters";
import type { BoardSession } from "./board-session";
import { priorities } from "../ui/format";
import type { TaskField } from "./use-board-shortcuts";

export type PaletteCommand = {
  /** Unique in the palette; what cmdk selects by. */
  id: string;
  label: string;
  /** Further words it is found by (a task's title for "Open task"). */
  keywords?: string[];
  /** The single key that does the same on the board, shown beside it. */
  shortcut?: string;
  run: () => void;
};
export type PaletteGroup = { heading: string; commands: PaletteCommand[] };

type Board = Pick<BoardSession, "projectId" | "board" | "canEdit" | "changes" | "openTask">;
export type PaletteContext = Board & {
  /** The task the palette acts on: the focused card's, or the open task's; null for none. */
  taskId: string | null;
  travelling: boolean;
  filters: BoardFilters;
  setFilters: (change: Partial<BoardFilters>) => void;
  newTask?: () => void;
  search: () => void;
  showShortcuts: () => void;
  openField: (taskId: string, field: TaskField) => void;
};

const HOUR = 3_600_000;

/** Every action of the board page, grouped as the palette lists them; only those the user may do now. */
export function usePaletteGroups(context: PaletteContext): PaletteGroup[] {
  const client = useTRPCClient();
  const router = useRouter();
  const { board, projectId, canEdit, changes, travelling, filters, setFilters } = context;
  const editable = canEdit && !travelling;
  const task = context.taskId ? board.columns.flatMap((c) => c.tasks).find((t) => t.id === context.taskId) : undefined;
  const labels = [...new Set(board.columns.flatMap((c) => c.tasks.flatMap((t) => t.labels)))].sort();

  const general: PaletteCommand[] = [
    ...(editable && context.newTask ? [{ id: "new-task", label: "New task", shortcut: "n", run: context.newTask }] : []),
    { id: "search", label: "Search tasks", shortcut: "/", run: context.search },
    { id: "shortcuts", label: "Show keyboard shortcuts", shortcut: "?", run: context.showShortcuts },
    { id: "theme", label: "Toggle light and dark theme", keywords: ["dark mode", "light mode"], run: toggleTheme },
  ];

  const taskCommands: PaletteCommand[] =
    task && editable
      ? [
          { id: "open-task", label: "Open task", keywords: ["details", "panel"], run: () => context.openTask(task.id) },
          ...board.columns
            .filter((c) => c.id !== task.columnId)
            .map((column) => ({
              id: `move-${column.id}`,
              label: `Move to ${column.name}`,
              keywords: ["column", "status"],
              run: () => changes.moveTask({ taskId: task.id, toColumnId: column.id, afterTaskId: column.tasks.at(-1)?.id ?? null }),
            })),
          ...priorities
            .filter((p) => p.value !== task.priority)
            .map(({ value, label }) => ({
              id: `priority-${value}`,
              label: `Set priority: ${label}`,
              run: () => changes.changeTask(task.id, { priority: value }, (base) => client.task.changePriority.mutate({ ...base, priority: value })),
            })),
          ...board.members
            .filter((m) => m.id !== task.assigneeId)
            .map((member) => ({
              id: `assign-${member.id}`,
              label: `Assign to ${member.name}`,
              run: () =>
                changes.changeTask(task.id, { assigneeId: member.id }, (base) => client.task.assign.mutate({ ...base, assigneeId: member.id })),
            })),
          ...(task.assigneeId
            ? [{ id: "unassign", label: "Unassign", run: () => changes.changeTask(task.id, { assigneeId: null }, (base) => client.task.unassign.mutate(base)) }]
            : []),
          { id: "field-assignee", label: "Change assignee…", shortcut: "a", run: () => context.openField(task.id, "assignee") },
          { id: "field-priority", label: "Change priority…", shortcut: "p", run: () => context.openField(task.id, "priority") },
          { id: "field-labels", label: "Edit labels…", shortcut: "l", run: () => context.openField(task.id, "labels") },
          { id: "archive", label: "Archive task", run: () => changes.changeTask(task.id, { archived: true }, (base) => client.task.archive.mutate(base)) },
        ]
      : [];

  const filterCommands: PaletteCommand[] = [
    ...(isFiltering(filters) ? [{ id: "filter-clear", label: "Clear filters", run: () => setFilters(noFilters) }] : []),
    ...board.members.map((m) => ({ id: `filter-assignee-${m.id}`, label: `Filter by assignee: ${m.name}`, run: () => setFilters({ assignee: m.id }) })),
    { id: "filter-unassigned", label: "Filter by assignee: Unassigned", run: () => setFilters({ assignee: UNASSIGNED }) },
    ...priorities.map(({ value, label }) => ({ id: `filter-priority-${value}`, label: `Filter by priority: ${label}`, run: () => setFilters({ priority: value }) })),
    ...labels.map((label) => ({ id: `filter-label-${label}`, label: `Filter by label: ${label}`, run: () => setFilters({ label }) })),
  ];

  const ago = (label: string, ms: number) => ({ id: `travel-${ms}`, label: `Time travel: ${label} ago`, keywords: ["past", "history"], run: () => setAsOfParam(new Date(Date.now() - ms)) });
  const timeCommands: PaletteCommand[] = [
    travelling
      ? { id: "travel-now", label: "Back to now", shortcut: "t", keywords: ["time travel", "live"], run: () => setAsOfParam(null) }
      : { id: "travel-open", label: "Open time travel", shortcut: "t", keywords: ["time slider", "past", "history"], run: () => setAsOfParam(new Date()) },
    ago("1 hour", HOUR),
    ago("1 day", 24 * HOUR),
    ago("1 week", 7 * 24 * HOUR),
  ];

  const page = (id: string, label: string, path: string) => ({ id: `go-${id}`, label: `Go to ${label}`, run: () => router.push(path) });
  const base = `/projects/${projectId}`;
  const pages: PaletteCommand[] = [
    page("history", "history", `${base}/history`),
    ...(canExportAudit(board.role) ? [page("audit", "audit export", `${base}/audit`)] : []),
    page("analytics", "analytics", `${base}/analytics`),
    page("automation", "automation", `${base}/automation`),
    page("members", "members", `${base}/members`),
    page("projects", "all projects", "/projects"),
    page("tokens", "API tokens", "/settings/tokens"),
  ];

  const openCommands: PaletteCommand[] = board.columns.flatMap((column) =>
    column.tasks.map((t) => ({ id: `open-${t.id}`, label: t.title, keywords: [column.name], run: () => context.openTask(t.id) })),
  );

  return [
    { heading: "Board", commands: general },
    ...(task ? [{ heading: `Task: ${task.title}`, commands: taskCommands }] : []),
    { heading: "Time travel", commands: timeCommands },
    { heading: "Filters", commands: filterCommands },
    { heading: "Go to", commands: pages },
    { heading: "Open task", commands: openCommands },
  ].filter((group) => group.commands.length > 0);
}

/** Switches to the other of light and dark, whichever the page shows now (also when it follows the system). */
function toggleTheme() {
  const root = document.documentElement;
  const chosen = root.getAttribute("data-theme");
  const dark = chosen === "dark" || (chosen !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  const next = dark ? "light" : "dark";
  root.setAttribute("data-theme", next);
  void chooseTheme(next);
}
