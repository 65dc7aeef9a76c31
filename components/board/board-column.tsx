"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useState } from "react";
import { AddTaskForm } from "./add-task-form";
import { useBoardSession } from "./board-session";
import { ColumnCards } from "./column-cards";
import { ColumnSettingsDialog } from "./column-settings-dialog";
import { SettingsIcon, WarningIcon } from "./icons";
import type { BoardColumn as Column, BoardTask } from "./types";
import { PendingMark } from "./task-card";
import { iconButton } from "../ui/classes";
import { countOf } from "../ui/format";
import { useOnline } from "./use-online";

/** One column: its name, how full it is, its cards (a drop target even when empty) and "Add task". */
export function BoardColumn({
  column,
  taskIds,
  tasksById,
  activeId,
}: {
  column: Column;
  taskIds: string[];
  tasksById: Map<string, BoardTask>;
  activeId: string | null;
}) {
  const { canEdit, canManage, filter } = useBoardSession();
  const { setNodeRef, isOver } = useDroppable({ id: column.id, data: { type: "column" }, disabled: !canEdit });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const headingId = `column-${column.id}`;
  const limit = column.wipLimit;
  // The real total (filters hide cards, not tasks): the hidden ones plus the cards shown, so the count also
  // follows a card being dragged in or out.
  const hidden = column.tasks.filter((task) => !filter.matches(task)).length;
  const count = hidden + taskIds.length;
  const fill = limit === null ? "ok" : count > limit ? "over" : count === limit ? "full" : "ok";

  return (
    <section
      aria-labelledby={headingId}
      data-column-id={column.id}
      className={`flex w-72 shrink-0 flex-col rounded-xl border bg-surface-muted/70 ${
        fill === "over" ? "border-danger-border" : fill === "full" ? "border-amber-300 dark:border-amber-700" : "border-border"
      }`}
    >
      <header className="flex h-11 items-center gap-2 pr-1.5 pl-3">
        <h2 id={headingId} className="min-w-0 truncate text-sm font-semibold text-fg">
          {column.name}
        </h2>
        <WipCount count={count} limit={limit} fill={fill} />
        {hidden > 0 ? <span className="shrink-0 text-xs text-fg-muted tabular-nums">{taskIds.length.toLocaleString("en-US")} shown</span> : null}
        {canManage ? (
          <>
            <button
              type="button"
              onClick={() => setSettingsOpen(true)}
              aria-label={`Column settings: ${column.name}`}
              className={`${iconButton} ml-auto`}
            >
              <SettingsIcon />
            </button>
            <ColumnSettingsDialog column={column} open={settingsOpen} onClose={() => setSettingsOpen(false)} />
          </>
        ) : null}
      </header>

      <SortableContext id={column.id} items={taskIds} strategy={verticalListSortingStrategy}>
        <ColumnCards
          label={`Tasks in ${column.name}`}
          taskIds={taskIds}
          tasksById={tasksById}
          activeId={activeId}
          dropRef={setNodeRef}
          highlighted={isOver}
          empty={
            <li className="flex flex-1 items-center justify-center rounded-lg border border-dashed border-border-strong/70 px-4 py-5 text-center text-xs text-fg-muted">
              {filter.active && count > 0
                ? "No tasks here match the filters."
                : canEdit
                  ? "No tasks yet. Add one below or drag a card here."
                  : "No tasks in this column."}
            </li>
          }
        />
      </SortableContext>

      <TasksBeingAdded column={column} />
      {canEdit ? <AddTaskForm column={column} /> : <div className="h-2" />}
    </section>
  );
}

/** The user's new tasks for this column that the board does not have yet, in the order they were typed. */
function TasksBeingAdded({ column }: { column: Column }) {
  const { board, changes } = useBoardSession();
  const online = useOnline();
  const adding = changes.creatingIn(column.id, board);
  if (adding.length === 0) return null;
  return (
    <ol aria-label={`Tasks being added to ${column.name}`} className="mx-2 mb-2 space-y-2">
      {adding.map((task) => (
        <li
          key={task.commandId}
          aria-busy="true"
          data-adding-task
          className="rounded-lg border border-dashed border-border-strong bg-surface/60 p-3 text-sm leading-snug font-medium break-words text-fg-muted"
        >
          <p className="line-clamp-3">{task.title}</p>
          {/* A task the server confirmed (it has its id) was sent: only the board has yet to show it. */}
          <PendingMark state={online || task.taskId ? "sending" : "waiting"} sending="Adding…" />
        </li>
      ))}
    </ol>
  );
}

function WipCount({ count, limit, fill }: { count: number; limit: number | null; fill: "ok" | "full" | "over" }) {
  const tone =
    fill === "over"
      ? "bg-danger-surface text-danger ring-1 ring-danger-border"
      : fill === "full"
        ? "bg-amber-100 text-amber-800 ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800"
        : "text-fg-muted";
  const warning = fill === "over" ? "over the WIP limit" : fill === "full" ? "WIP limit reached" : null;

  return (
    <span
      title={warning ? `${countOf(count, "task")}: ${warning}` : undefined}
      className={`inline-flex h-5 shrink-0 items-center gap-1 rounded-full px-1.5 text-xs font-medium tabular-nums ${tone}`}
    >
      {warning ? <WarningIcon className="size-3" /> : null}
      <span aria-hidden="true">{limit === null ? count.toLocaleString("en-US") : `${count.toLocaleString("en-US")} / ${limit.toLocaleString("en-US")}`}</span>
      <span className="sr-only">
        {countOf(count, "task")}
        {limit === null ? "" : `, WIP limit ${limit}`}
        {warning ? ` (${warning})` : ""}
      </span>
    </span>
  );
}
