"use client";

import { useTRPCClient } from "@/components/trpc/context";
import { errorMessage, isConflict } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { ArchiveIcon, ChevronIcon } from "./icons";
import type { Notice } from "./notice";
import { buttonGhost, buttonSecondary } from "../ui/classes";
import { newTaskCommand, useTaskCommand } from "./use-task-command";
import { CONFLICT_MESSAGE } from "./use-pending-changes";

/** Archived tasks, folded away under the board; each can be opened or restored to its column. */
export function ArchivedSection({ showNotice }: { showNotice: (notice: Notice | null) => void }) {
  const { projectId, board, canEdit, versions, openTask } = useBoardSession();
  const client = useTRPCClient();
  const restore = useTaskCommand(projectId, versions, {
    onError: (error) => showNotice({ message: isConflict(error) ? CONFLICT_MESSAGE : errorMessage(error) }),
  });
  const columnName = (id: string) => board.columns.find((c) => c.id === id)?.name ?? "a removed column";
  const restoring = restore.isPending ? restore.variables?.taskId : undefined;

  return (
    <details className="group mt-6 rounded-xl border border-border bg-surface">
      <summary className="flex h-11 cursor-pointer list-none items-center gap-2 rounded-xl px-3 text-sm font-medium text-fg select-none hover:bg-surface-muted/60 [&::-webkit-details-marker]:hidden">
        <ChevronIcon direction="right" className="size-4 text-fg-muted transition-transform group-open:rotate-90" />
        <ArchiveIcon className="size-4 text-fg-muted" />
        Archived
        <span className="text-fg-muted tabular-nums">{board.archived.length}</span>
      </summary>
      <div className="border-t border-border px-3 py-2">
        {board.archived.length === 0 ? (
          <p className="py-2 text-sm text-fg-muted">Nothing is archived. Archive a finished task from its detail panel to tidy the board.</p>
        ) : (
          <ul className="divide-y divide-border">
            {board.archived.map((task) => (
              <li key={task.id} className="flex items-center gap-3 py-1.5">
                <button
                  type="button"
                  onClick={() => openTask(task.id)}
                  className={`${buttonGhost} min-w-0 flex-1 justify-start px-2 text-fg`}
                >
                  <span className="truncate">{task.title}</span>
                  <span className="shrink-0 text-xs font-normal text-fg-muted">in {columnName(task.columnId)}</span>
                </button>
                {canEdit ? (
                  <button
                    type="button"
                    disabled={restoring === task.id}
                    aria-label={`Restore ${task.title}`}
                    onClick={() => {
                      showNotice(null);
                      restore.mutate(newTaskCommand(task.id, (base) => client.task.restore.mutate(base)));
                    }}
                    className={`${buttonSecondary} h-7`}
                  >
                    {restoring === task.id ? "Restoring…" : "Restore"}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
