"use client";

import { useId, useState, type ReactNode } from "react";
import { useTRPCClient } from "@/components/trpc/context";
import { useBoardSession } from "./board-session";
import { formatDueDate, priorities, priorityLabel, priorityTone } from "../ui/format";
import { ChevronIcon, CloseIcon, PriorityIcon } from "./icons";
import type { Priority, TaskFields } from "./types";
import { buttonSecondary, fieldInput, iconButton } from "../ui/classes";
import { TaskReview } from "./task-review";
import { labelChipClass, LabelColourPicker } from "./label-colours";
import type { TaskCommand } from "./use-task-command";

export type ChangeTask = (edit: Partial<TaskFields>, send: TaskCommand["send"]) => void;

/** The task's column and place, assignee, reviewer, priority, due date and labels: controls for editors, text for viewers. */
export function TaskProperties({
  taskId,
  task,
  columnId,
  readOnly,
  change,
}: {
  taskId: string;
  task: TaskFields;
  columnId: string;
  readOnly: boolean;
  change: ChangeTask;
}) {
  const { board, memberById, today } = useBoardSession();
  const client = useTRPCClient();
  const id = useId();
  const assignee = memberById(task.assigneeId);

  return (
    <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] items-center gap-x-3 gap-y-2.5 text-sm">
      <Row label="Column" htmlFor={readOnly ? undefined : `${id}-column`}>
        {readOnly ? (
          <span>{board.columns.find((c) => c.id === columnId)?.name ?? "—"}</span>
        ) : (
          <MoveControls taskId={taskId} columnId={columnId} selectId={`${id}-column`} />
        )}
      </Row>

      <Row label="Assignee" htmlFor={readOnly ? undefined : `${id}-assignee`}>
        {readOnly ? (
          <span className={assignee ? "" : "text-fg-muted"}>{assignee?.name ?? "Unassigned"}</span>
        ) : (
          <select
            id={`${id}-assignee`}
            value={task.assigneeId ?? ""}
            onChange={(event) => {
              const assigneeId = event.target.value || null;
              change({ assigneeId }, (base) =>
                assigneeId ? client.task.assign.mutate({ ...base, assigneeId }) : client.task.unassign.mutate(base),
              );
            }}
            className={fieldInput}
          >
            <option value="">Unassigned</option>
            {board.members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        )}
      </Row>

      <Row label="Reviewer" htmlFor={readOnly ? undefined : `${id}-reviewer`} alignTop={!readOnly}>
        <TaskReview task={task} readOnly={readOnly} selectId={`${id}-reviewer`} change={change} />
      </Row>

      <Row label="Priority" htmlFor={readOnly ? undefined : `${id}-priority`}>
        {readOnly ? (
          <span className={`inline-flex items-center gap-1.5 ${priorityTone[task.priority]}`}>
            <PriorityIcon priority={task.priority} />
            {priorityLabel(task.priority)}
          </span>
        ) : (
          <select
            id={`${id}-priority`}
            value={task.priority}
            onChange={(event) => {
              const priority = event.target.value as Priority;
              change({ priority }, (base) => client.task.changePriority.mutate({ ...base, priority }));
            }}
            className={fieldInput}
          >
            {priorities.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Row>

      <Row label="Due date" htmlFor={readOnly ? undefined : `${id}-due`}>
        {readOnly ? (
          <span className={task.dueDate ? "" : "text-fg-muted"}>{task.dueDate ? formatDueDate(task.dueDate, today) : "None"}</span>
        ) : (
          <div className="flex items-center gap-1.5">
            <input
              id={`${id}-due`}
              type="date"
              value={task.dueDate ?? ""}
              onChange={(event) => {
                const dueDate = event.target.value;
                // Browsers report a half-typed date as "": wait for a whole one. Clearing has its own button.
                if (/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) {
                  change({ dueDate }, (base) => client.task.setDueDate.mutate({ ...base, dueDate }));
                }
              }}
              className={`${fieldInput} w-44`}
            />
            {task.dueDate ? (
              <button
                type="button"
                aria-label="Clear due date"
                onClick={() => change({ dueDate: null }, (base) => client.task.clearDueDate.mutate(base))}
                className={iconButton}
              >
                <CloseIcon />
              </button>
            ) : null}
          </div>
        )}
      </Row>

      <Row label="Labels" htmlFor={readOnly ? undefined : `${id}-label`} alignTop={!readOnly}>
        <Labels inputId={`${id}-label`} labels={task.labels} readOnly={readOnly} change={change} />
      </Row>
    </dl>
  );
}

function Row({ label, htmlFor, alignTop, children }: { label: string; htmlFor?: string; alignTop?: boolean; children: ReactNode }) {
  return (
    <>
      <dt className={`text-fg-muted ${alignTop ? "self-start pt-1.5" : ""}`}>
        {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : label}
      </dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

/** The keyboard- and screen-reader-friendly alternative to dragging: pick a column, or step up and down. */
function MoveControls({ taskId, columnId, selectId }: { taskId: string; columnId: string; selectId: string }) {
  const { board, moveTask } = useBoardSession();
  const siblings = board.columns.find((c) => c.id === columnId)?.tasks ?? [];
  const index = siblings.findIndex((t) => t.id === taskId);

  return (
    <div className="flex items-center gap-1.5">
      <select
        id={selectId}
        value={columnId}
        onChange={(event) => {
          const target = board.columns.find((c) => c.id === event.target.value);
          if (!target) return;
          // Into another column at the bottom, like a card dropped below the last one.
          moveTask({ taskId, toColumnId: target.id, afterTaskId: target.tasks.filter((t) => t.id !== taskId).at(-1)?.id ?? null });
        }}
        className={fieldInput}
      >
        {board.columns.map((column) => (
          <option key={column.id} value={column.id}>
            {column.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label="Move up in column"
        disabled={index <= 0}
        onClick={() => moveTask({ taskId, toColumnId: columnId, afterTaskId: siblings[index - 2]?.id ?? null })}
        className={`${buttonSecondary} w-8 px-0`}
      >
        <ChevronIcon direction="up" />
      </button>
      <button
        type="button"
        aria-label="Move down in column"
        disabled={index === -1 || index >= siblings.length - 1}
        onClick={() => moveTask({ taskId, toColumnId: columnId, afterTaskId: siblings[index + 1]?.id ?? null })}
        className={`${buttonSecondary} w-8 px-0`}
      >
        <ChevronIcon direction="down" />
      </button>
    </div>
  );
}

function Labels({ inputId, labels, readOnly, change }: { inputId: string; labels: string[]; readOnly: boolean; change: ChangeTask }) {
  const client = useTRPCClient();
  const { projectId, board } = useBoardSession();
  const [draft, setDraft] = useState("");

  function add() {
    const label = draft.trim();
    if (!label) return;
    setDraft("");
    if (labels.includes(label)) return;
    change({ labels: [...labels, label] }, (base) => client.task.addLabel.mutate({ ...base, label }));
  }

  return (
    <div className="space-y-2">
      {labels.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Current labels">
          {labels.map((label) => (
            <li
              key={label}
              data-label-colour={board.labelColours[label] ?? "none"}
              className={`inline-flex h-6 items-center gap-0.5 rounded-full border pr-0.5 text-xs ${readOnly ? "pl-2" : "pl-0.5"} ${labelChipClass(board.labelColours[label])}`}
            >
              {readOnly ? null : <LabelColourPicker projectId={projectId} label={label} colour={board.labelColours[label]} />}
              {label}
              {readOnly ? (
                <span className="pr-1.5" />
              ) : (
                <button
                  type="button"
                  aria-label={`Remove label ${label}`}
                  onClick={() =>
                    change({ labels: labels.filter((l) => l !== label) }, (base) => client.task.removeLabel.mutate({ ...base, label }))
                  }
                  className="inline-flex size-5 items-center justify-center rounded-full opacity-80 hover:bg-border hover:opacity-100"
                >
                  <CloseIcon className="size-3" />
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : readOnly ? (
        <span className="text-fg-muted">None</span>
      ) : null}
      {readOnly ? null : (
        <div className="flex gap-1.5">
          <input
            id={inputId}
            value={draft}
            maxLength={40}
            placeholder="Add a label"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
            className={fieldInput}
          />
          <button type="button" onClick={add} disabled={!draft.trim()} className={buttonSecondary}>
            Add
          </button>
        </div>
      )}
    </div>
  );
}
