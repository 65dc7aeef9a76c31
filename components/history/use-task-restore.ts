"use client";

import { useState } from "react";
import { useBoardSession } from "@/components/board/board-session";
import { newTaskCommand, useTaskCommand } from "@/components/board/use-task-command";
import { CONFLICT_MESSAGE } from "@/components/board/use-pending-changes";
import { useTRPCClient } from "@/components/trpc/context";
import { errorMessage, isConflict } from "@/components/trpc/errors";

type Outcome = { kind: "error" | "info"; message: string };

/**
 * "Restore to this point" and "Undo last change": both write new events (the log is never rewritten), run in
 * the board's command queue with the version the user saw, and refetch the task and its timeline.
 */
export function useTaskRestore(taskId: string) {
  const { projectId, versions } = useBoardSession();
  const client = useTRPCClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const command = useTaskCommand(projectId, versions, {
    onError: (error) => setOutcome({ kind: "error", message: isConflict(error) ? CONFLICT_MESSAGE : errorMessage(error) }),
  });

  /** The server answers position null when nothing needed writing. */
  const report = (done: string) => (answer: { version: number; position: number | null }) => {
    setOutcome({ kind: "info", message: answer.position === null ? "Nothing to change: the task already is that way." : done });
    return answer;
  };

  return {
    outcome,
    pending: command.isPending,
    restoreTo(asOf: Date) {
      setOutcome(null);
      command.mutate(
        newTaskCommand(taskId, (base) => client.task.revertTo.mutate({ ...base, asOf }).then(report("Restored. The changes are at the top."))),
      );
    },
    undoLast() {
      setOutcome(null);
      command.mutate(newTaskCommand(taskId, (base) => client.task.undoLast.mutate(base).then(report("Undone. The undo is at the top."))));
    },
  };
}
