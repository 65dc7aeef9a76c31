"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/context";
import { refetchFromNow } from "@/components/trpc/refetch-from-now";
import type { TaskVersions } from "./use-task-versions";

export type TaskCommandBase = { projectId: string; taskId: string; commandId: string; expectedVersion?: number };

/** One user action on a task. `send` calls the procedure; retries reuse the same commandId. */
export type TaskCommand = {
  taskId: string;
  commandId: string;
  send: (base: TaskCommandBase) => Promise<{ version: number }>;
};

/** A new action gets a new id; `commandId` carries on one whose answer was lost (see PendingCommandIds). */
export const newTaskCommand = (taskId: string, send: TaskCommand["send"], commandId: string = crypto.randomUUID()): TaskCommand => ({
  taskId,
  commandId,
  send,
});

/** The mutation scope of a board's commands: they run one after another, in the order they were made. */
export const taskCommandScope = (projectId: string) => `task-commands:${projectId}`;

/**
 * Runs task commands one after another per board (a shared mutation scope), each with the expected
 * version read when it starts, so quick successive edits never conflict with each other. Afterwards
 * the board and the task are refetched; the mutation stays pending until they are.
 */
export function useTaskCommand<C extends TaskCommand = TaskCommand>(
  projectId: string,
  versions: TaskVersions,
  handlers: { onError?: (error: unknown, command: C) => void; onSettled?: (command: C, error: unknown) => void } = {},
) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  return useMutation({
    scope: { id: taskCommandScope(projectId) },
    mutationFn: (command: C) =>
      command.send({
        projectId,
        taskId: command.taskId,
        commandId: command.commandId,
        expectedVersion: versions.expected(command.taskId),
      }),
    onSuccess: (result, command) => versions.record(command.taskId, result.version),
    onError: (error, command) => handlers.onError?.(error, command),
    onSettled: async (_result, error, command) => {
      await Promise.all([
        queryClient.invalidateQueries(trpc.board.get.queryFilter({ projectId })),
        // The task panel may have been opened just before the command, its first load still under way.
        refetchFromNow(queryClient, trpc.task.get.queryFilter({ projectId, taskId: command.taskId })),
        refetchFromNow(queryClient, trpc.task.history.queryFilter({ projectId, taskId: command.taskId })),
      ]);
      handlers.onSettled?.(command, error);
    },
  });
}
