"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { TaskTimeline } from "@/components/history/task-timeline";
import { useTRPC, useTRPCClient } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { Dialog } from "./dialog";
import { ArchiveIcon, CloseIcon } from "./icons";
import { type Notice, NoticeBar } from "./notice";
import { TaskComments } from "./task-comments";
import { type ChangeTask, TaskProperties } from "./task-properties";
import { DescriptionField, TitleField } from "./task-text-fields";
import type { TaskFields } from "./types";
import type { TaskField } from "./use-board-shortcuts";
import { buttonSecondary, iconButton } from "../ui/classes";

const TITLE_ID = "task-detail-title";

type NoticeProps = { notice: Notice | null; onDismissNotice: () => void };
type FocusProps = { taskId: string; onClose: () => void; focusField?: TaskField | null };

/** The visible label of each field a card's key (`a`, `p`, `l`) opens the panel at. */
const fieldLabels: Record<TaskField, string> = { assignee: "Assignee", priority: "Priority", labels: "Labels" };

/** The task's side panel: every field, its comments and its full history. */
export function TaskDetailDialog({
  taskId,
  ...props
}: Omit<FocusProps, "taskId"> & { taskId: string | null } & NoticeProps) {
  return (
    <Dialog open={taskId !== null} onClose={props.onClose} labelledBy={TITLE_ID} placement="sheet">
      {taskId ? <TaskDetail key={taskId} taskId={taskId} {...props} /> : null}
    </Dialog>
  );
}

function TaskDetail({ taskId, onClose, focusField, notice, onDismissNotice }: FocusProps & NoticeProps) {
  const { projectId, board, canEdit, changes } = useBoardSession();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const detail = useQuery(trpc.task.get.queryOptions({ projectId, taskId }));
  const descriptionId = useId();

  // Edits go through the board's pending changes, so the card and the panel show the same thing until the
  // server has them (or has refused them: the reason shows in the notice), offline too.
  const change: ChangeTask = (edit, send) => changes.changeTask(taskId, edit, send);

  const onBoard = board.columns.flatMap((c) => c.tasks).find((t) => t.id === taskId);
  const saved = detail.data?.task ?? onBoard;
  const task: TaskFields | undefined = saved && changes.editedTask(taskId, saved);
  // The board knows about moves still in flight; the task query only what the server has.
  const columnId = onBoard?.columnId ?? saved?.columnId ?? "";
  const columnName = board.columns.find((c) => c.id === columnId)?.name;
  const readOnly = !canEdit || !!task?.archived;
  const panel = useRef<HTMLDivElement>(null);
  const shown = !!task;
  useEffect(() => {
    if (!focusField || !shown) return;
    // After the dialog's showModal (a parent's effect, run after this one), which focuses its first control.
    const timer = setTimeout(() => {
      const label = [...(panel.current?.querySelectorAll("label") ?? [])].find((l) => l.textContent === fieldLabels[focusField]);
      if (label?.htmlFor) document.getElementById(label.htmlFor)?.focus();
    });
    return () => clearTimeout(timer);
  }, [focusField, shown]);

  return (
    <div ref={panel} className="flex min-h-0 flex-1 flex-col">
      <header className="flex h-12 shrink-0 items-center gap-2 border-b border-border pr-3 pl-5">
        <p className="min-w-0 truncate text-xs text-fg-muted">
          {board.project.name}
          {columnName ? <span aria-hidden="true"> › </span> : null}
          {columnName ? <span className="sr-only">, column </span> : null}
          {columnName}
        </p>
        {task?.archived ? (
          <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs font-medium text-fg-muted">Archived</span>
        ) : null}
        <button type="button" onClick={onClose} aria-label="Close task details" className={`${iconButton} ml-auto`}>
          <CloseIcon />
        </button>
      </header>

      <div className="min-h-0 flex-1 space-y-6 overflow-y-auto px-5 py-5">
        <NoticeBar notice={notice} onDismiss={onDismissNotice} className="empty:hidden" />

        {!task ? (
          detail.isError ? (
            <p className="text-sm text-fg-muted">
              {errorCode(detail.error) === "NOT_FOUND" ? "This task no longer exists." : errorMessage(detail.error)}
            </p>
          ) : (
            <DetailSkeleton />
          )
        ) : (
          <>
            <div>
              <h2 id={TITLE_ID} className={readOnly ? "text-lg font-semibold tracking-tight break-words text-fg" : "sr-only"}>
                {task.title}
              </h2>
              {readOnly ? null : <TitleField title={task.title} change={change} />}
            </div>

            {task.archived ? (
              <div className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface-muted px-3 py-2.5 text-sm text-fg-muted">
                <p className="flex-1">This task is archived. Restore it to change it.</p>
                {canEdit ? (
                  <button
                    type="button"
                    onClick={() => change({ archived: false }, (base) => client.task.restore.mutate(base))}
                    className={buttonSecondary}
                  >
                    Restore
                  </button>
                ) : null}
              </div>
            ) : null}

            <TaskProperties taskId={taskId} task={task} columnId={columnId} readOnly={readOnly} change={change} />

            <section className="space-y-2">
              <h3 className="text-sm font-semibold text-fg">
                {readOnly ? "Description" : <label htmlFor={descriptionId}>Description</label>}
              </h3>
              {readOnly ? (
                <p className={`text-sm break-words whitespace-pre-wrap ${task.description ? "text-fg" : "text-fg-muted"}`}>
                  {task.description || "No description."}
                </p>
              ) : (
                <DescriptionField description={task.description} inputId={descriptionId} change={change} />
              )}
            </section>

            <TaskComments taskId={taskId} comments={detail.data?.task.comments ?? []} canComment={!readOnly} />

            <TaskTimeline taskId={taskId} sentences={detail.data?.history} />

            {canEdit && !task.archived ? (
              <div className="border-t border-border pt-4">
                <button
                  type="button"
                  onClick={() => change({ archived: true }, (base) => client.task.archive.mutate(base))}
                  className={buttonSecondary}
                >
                  <ArchiveIcon />
                  Archive task
                </button>
                <p className="mt-1.5 text-xs text-fg-muted">Archived tasks leave the board but keep their history and can be restored.</p>
              </div>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

function DetailSkeleton() {
  return (
    <div className="space-y-4" aria-hidden="true">
      <div className="h-7 w-2/3 animate-pulse rounded bg-surface-muted" />
      {[0, 1, 2, 3, 4].map((i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-surface-muted" />
      ))}
      <div className="h-24 animate-pulse rounded bg-surface-muted" />
    </div>
  );
}
