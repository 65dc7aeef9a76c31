"use client";

import { useState } from "react";
import { useTRPCClient } from "@/components/trpc/context";
import { errorCode, errorMessage, isConflict } from "@/components/trpc/errors";
import { applyMove } from "./board-moves";
import type { Notice } from "./notice";
import type { BoardData, MoveRequest } from "./types";
import { newTaskCommand, type TaskCommand, useTaskCommand } from "./use-task-command";
import type { TaskVersions } from "./use-task-versions";

export const CONFLICT_MESSAGE = "Someone else changed this task; reloaded — apply your change again.";

type MoveCommand = TaskCommand & { move: MoveRequest };

/**
 * Moves tasks optimistically: a move shows at once, stays shown until the refetched board has it, and
 * disappears (the card springs back) if the server refuses, with the server's reason in a notice.
 */
export function useTaskMoves(projectId: string, versions: TaskVersions, showNotice: (notice: Notice | null) => void) {
  const client = useTRPCClient();
  const [pending, setPending] = useState<MoveCommand[]>([]);
  const forget = (command: MoveCommand) => setPending((moves) => moves.filter((m) => m.commandId !== command.commandId));

  const mutation = useTaskCommand<MoveCommand>(projectId, versions, {
    onError(error, command) {
      forget(command);
      if (isConflict(error)) return showNotice({ message: CONFLICT_MESSAGE });
      const message = errorMessage(error);
      // The server refuses entering a full column unless told to; offer that as a deliberate second step.
      if (errorCode(error) === "BAD_REQUEST" && /WIP limit/i.test(message) && !command.move.overrideWipLimit) {
        return showNotice({
          message,
          action: { label: "Move anyway", run: () => moveTask({ ...command.move, overrideWipLimit: true }) },
        });
      }
      showNotice({ message });
    },
    onSettled: forget,
  });

  function moveTask(move: MoveRequest) {
    const command: MoveCommand = {
      ...newTaskCommand(move.taskId, (base) =>
        client.task.move.mutate({
          ...base,
          toColumnId: move.toColumnId,
          afterTaskId: move.afterTaskId,
          overrideWipLimit: move.overrideWipLimit ?? false,
        }),
      ),
      move,
    };
    showNotice(null);
    setPending((moves) => [...moves, command]);
    mutation.mutate(command);
  }

  const withPendingMoves = (board: BoardData) => pending.reduce((shown, command) => applyMove(shown, command.move), board);

  return { moveTask, withPendingMoves };
}
