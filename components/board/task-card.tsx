"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { type KeyboardEvent, memo, useCallback } from "react";
import { useCardSession } from "./board-session";
import { formatDueDate, initials, priorityLabel, priorityTone } from "../ui/format";
import { CalendarIcon, ClockIcon, CommentIcon, PriorityIcon } from "./icons";
import { LabelChip } from "./label-colours";
import { TeammateBadge, teammateCardClass, useTeammateMark } from "./teammate-badge";
import type { BoardTask } from "./types";

// The focus ring is drawn inside the card (-outline-offset-2): the column's scroll area clips anything outside.
const cardClass =
  "block w-full rounded-lg border border-border bg-surface p-3 text-left shadow-xs shadow-black/[0.04] transition-[border-color,box-shadow] hover:border-border-strong focus-visible:-outline-offset-2 dark:bg-surface-muted";

/**
 * A card in a column's list, drawn at `top` as the `index`th of `setSize` (see ColumnCards). Editors can drag
 * it (mouse, touch, or Space then the arrow keys); Enter or a click opens the task. Viewers get the same card
 * without the drag handling. Redrawn only when its task or its place changes.
 */
export const SortableTaskCard = memo(function SortableTaskCard({
  task,
  index,
  top,
  setSize,
  measureRef,
}: {
  task: BoardTask;
  index: number;
  top: number;
  setSize: number;
  measureRef: (node: HTMLElement | null) => void;
}) {
  const { canEdit, openTask } = useCardSession();
  const teammate = useTeammateMark(task.id);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data: { type: "task" },
    disabled: !canEdit,
  });
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      measureRef(node);
    },
    [setNodeRef, measureRef],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    listeners?.onKeyDown?.(event);
    // While a keyboard drag is running, Enter drops the card instead of opening it.
    if (event.key === "Enter" && !isDragging && !event.defaultPrevented) {
      event.preventDefault();
      openTask(task.id);
    }
  }

  return (
    <li
      ref={ref}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      // Placed by `top`, so that dnd-kit's transform (making room while dragging) stays its own.
      style={{ top, transform: CSS.Translate.toString(transform), transition }}
      className={`absolute inset-x-0 ${isDragging ? "opacity-40" : ""}`}
    >
      <div
        {...(canEdit ? attributes : { role: "button", tabIndex: 0 })}
        {...listeners}
        onKeyDown={onKeyDown}
        onClick={() => openTask(task.id)}
        data-task-id={task.id}
        className={`${cardClass} ${canEdit ? "touch-manipulation" : ""} ${teammate ? teammateCardClass : ""}`}
      >
        {teammate ? <TeammateBadge mark={teammate} /> : null}
        <TaskCardBody task={task} />
      </div>
    </li>
  );
});

/** The card as it follows the pointer while dragging. */
export function DraggedTaskCard({ task }: { task: BoardTask }) {
  return (
    <div className={`${cardClass} cursor-grabbing border-border-strong shadow-lg shadow-black/10 ring-1 ring-ring/40`}>
      <TaskCardBody task={task} />
    </div>
  );
}

/**
 * What a card shows. Kept apart and memoised: while a card is dragged every sortable card redraws (dnd-kit's
 * context changes as the pointer passes over cards), and on a big board that must stay cheap.
 */
const TaskCardBody = memo(function TaskCardBody({ task }: { task: BoardTask }) {
  const { memberById, today, pendingState, labelColours } = useCardSession();
  const assignee = memberById(task.assigneeId);
  const overdue = task.dueDate !== null && task.dueDate < today;
  const pending = pendingState(task.id);

  return (
    <>
      <p className="line-clamp-4 text-sm leading-snug font-medium break-words text-fg">{task.title}</p>
      {pending ? <PendingMark state={pending} /> : null}
      <div className="mt-2 flex flex-wrap items-center gap-x-2.5 gap-y-1.5 text-xs empty:hidden">
        {task.priority !== "none" ? (
          <span className={`inline-flex items-center gap-1 font-medium ${priorityTone[task.priority]}`}>
            <PriorityIcon priority={task.priority} />
            {priorityLabel(task.priority)}
          </span>
        ) : null}
        {task.dueDate ? (
          <span
            className={`inline-flex items-center gap-1 ${overdue ? "rounded bg-danger-surface px-1 font-medium text-danger" : "text-fg-muted"}`}
          >
            <CalendarIcon className="size-3.5" />
            {overdue ? "Overdue · " : <span className="sr-only">Due </span>}
            {formatDueDate(task.dueDate, today)}
          </span>
        ) : null}
        {task.commentCount > 0 ? (
          <span className="inline-flex items-center gap-1 text-fg-muted">
            <CommentIcon className="size-3.5" />
            {task.commentCount}
            <span className="sr-only">{task.commentCount === 1 ? " comment" : " comments"}</span>
          </span>
        ) : null}
        {task.labels.map((label) => (
          <LabelChip key={label} label={label} colour={labelColours[label]} />
        ))}
        {assignee ? (
          <span
            title={`Assigned to ${assignee.name}`}
            className="ml-auto inline-flex size-6 items-center justify-center rounded-full bg-accent/15 text-[0.625rem] font-semibold text-accent-text"
          >
            <span aria-hidden="true">{initials(assignee.name)}</span>
            <span className="sr-only">Assigned to {assignee.name}</span>
          </span>
        ) : null}
      </div>
    </>
  );
});

/** A change to the card not yet confirmed: waiting for the connection, or (after a moment) still being saved. */
export function PendingMark({ state, sending = "Saving…" }: { state: "sending" | "waiting"; sending?: string }) {
  return (
    <p
      data-pending={state}
      className={`mt-1.5 inline-flex items-center gap-1 rounded px-1 text-xs font-medium ${
        state === "waiting"
          ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          : "animate-[cb-appear_150ms_600ms_both] text-fg-muted"
      }`}
    >
      <ClockIcon className="size-3.5" />
      {state === "waiting" ? "Not sent yet: waiting for the connection" : sending}
    </p>
  );
}
