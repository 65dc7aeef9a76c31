"use client";

import { useQuery } from "@tanstack/react-query";
import { useBoardSession } from "@/components/board/board-session";
import { Dialog } from "@/components/board/dialog";
import { formatDueDate, priorityLabel } from "@/components/ui/format";
import { CloseIcon } from "@/components/board/icons";
import { iconButton } from "@/components/ui/classes";
import { TaskTimeline } from "@/components/history/task-timeline";
import { useTRPC } from "@/components/trpc/context";
import { formatInstant } from "./format-instant";

const TITLE_ID = "as-of-task-title";

/**
 * A task as it was at the instant the board shows: every field, read-only, and its history up to then, with
 * "Restore to this moment" for those who may edit it now (`canRestore`).
 */
export function AsOfTaskDialog({ taskId, asOf, canRestore, onClose }: { taskId: string | null; asOf: Date; canRestore: boolean; onClose: () => void }) {
  const { projectId, board, memberById, today } = useBoardSession();
  const trpc = useTRPC();
  // Its events give each history entry its sentence (task.get answers the task now, with all its events).
  const detail = useQuery({ ...trpc.task.get.queryOptions({ projectId, taskId: taskId ?? "" }), enabled: taskId !== null });
  const task = board.columns.flatMap((c) => c.tasks).find((t) => t.id === taskId);
  const column = board.columns.find((c) => c.id === task?.columnId)?.name;
  const rows: [string, string][] = task
    ? [
        ["Column", column ?? "—"],
        ["Priority", priorityLabel(task.priority)],
        ["Assignee", memberById(task.assigneeId)?.name ?? "Nobody"],
        ["Due date", task.dueDate ? formatDueDate(task.dueDate, today) : "None"],
        ["Labels", task.labels.join(", ") || "None"],
        ["Comments", String(task.commentCount)],
      ]
    : [];

  return (
    <Dialog open={task !== undefined} onClose={onClose} labelledBy={TITLE_ID} placement="sheet">
      {task ? (
        <div className="flex min-h-0 flex-1 flex-col">
          <header className="flex h-12 shrink-0 items-center gap-2 border-b border-border pr-3 pl-5">
            <p className="text-xs text-fg-muted">As it was at {formatInstant(asOf)} · read only</p>
            <button type="button" onClick={onClose} aria-label="Close task details" className={`${iconButton} ml-auto`}>
              <CloseIcon />
            </button>
          </header>
          <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-5 py-5">
            <h2 id={TITLE_ID} className="text-lg font-semibold tracking-tight break-words text-fg">
              {task.title}
            </h2>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              {rows.map(([term, value]) => (
                <div key={term} className="contents">
                  <dt className="text-fg-muted">{term}</dt>
                  <dd className="text-fg">{value}</dd>
                </div>
              ))}
            </dl>
            <section className="space-y-2">
              <h3 className="text-sm font-semibold text-fg">Description</h3>
              <p className={`text-sm break-words whitespace-pre-wrap ${task.description ? "text-fg" : "text-fg-muted"}`}>
                {task.description || "No description."}
              </p>
            </section>
            <TaskTimeline taskId={task.id} sentences={detail.data?.history} until={asOf} canRestore={canRestore} />
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
