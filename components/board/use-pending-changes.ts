"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/trpc/context";
import { errorCode, errorMessage, isConflict, isFinalAnswer } from "@/components/trpc/errors";
import { applyMove } from "./board-moves";
import type { Notice } from "./notice";
import type { BoardData, MoveRequest, TaskFields } from "./types";
import { newTaskCommand, type TaskCommand, taskCommandScope, useTaskCommand } from "./use-task-command";
import type { TaskVersions } from "./use-task-versions";

export const CONFLICT_MESSAGE = "Someone else changed this task; reloaded — apply your change again.";

/**
 * A move or a field edit the user made that the board does not show yet: not confirmed by the server, or
 * confirmed (`position`, its last event's place in the log) but not yet in the board's read model.
 */
type ChangeCommand = TaskCommand & { move?: MoveRequest; edit?: Partial<TaskFields>; position?: number };

/** A task being added: shown at the foot of its column until the board has it. */
export type PendingCreate = { commandId: string; columnId: string; title: string; taskId?: string };

export type PendingChanges = ReturnType<typeof usePendingChanges>;

/**
 * The user's changes on their way to the server: moves, field edits and new tasks. Each shows at once — on
 * the card and in the task panel alike — and stays shown until the refetched board has it, or disappears
 * (the card springs back) if the server refuses, with the server's reason in a notice. Offline, they wait
 * (TanStack Query pauses mutations while the browser is offline) and are sent when the connection returns,
 * in the order they were made (one mutation scope per board) and each with its one command id, so a resend
 * is recognised by the server and applied once.
 */
export function usePendingChanges(projectId: string, versions: TaskVersions, showNotice: (notice: Notice | null) => void) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<ChangeCommand[]>([]);
  const [creates, setCreates] = useState<PendingCreate[]>([]);
  // A new task whose answer was lost may have been stored: adding the same title to the same column again sends
  // the same command id, which the server answers as before instead of storing the task twice.
  const unanswered = useRef<PendingCreate | null>(null);
  const forget = (command: { commandId: string }) => setPending((list) => list.filter((c) => c.commandId !== command.commandId));

  const mutation = useTaskCommand<ChangeCommand>(projectId, versions, {
    onError(error, command) {
      forget(command);
      if (isConflict(error)) return showNotice({ message: CONFLICT_MESSAGE });
      const message = errorMessage(error);
      // The server refuses entering a full column unless told to; offer that as a deliberate second step.
      if (command.move && errorCode(error) === "BAD_REQUEST" && /WIP limit/i.test(message) && !command.move.overrideWipLimit) {
        const move = { ...command.move, overrideWipLimit: true };
        return showNotice({ message, action: { label: "Move anyway", run: () => moveTask(move) } });
      }
      showNotice({ message });
    },
    // Kept after success until the board has it (forgetShown), so a read model that is behind never takes it back.
    onSettled: (command, error) => {
      if (error) forget(command);
    },
  });

  const create = useMutation({
    scope: { id: taskCommandScope(projectId) },
    mutationFn: (task: PendingCreate) =>
      client.task.create.mutate({ projectId, commandId: task.commandId, columnId: task.columnId, title: task.title }),
    onSuccess: ({ taskId }, task) =>
      setCreates((list) => list.map((c) => (c.commandId === task.commandId ? { ...c, taskId } : c))),
    onError: (error, task) => {
      setCreates((list) => list.filter((c) => c.commandId !== task.commandId));
      if (isFinalAnswer(error)) return showNotice({ message: `“${task.title}” was not added: ${errorMessage(error)}` });
      unanswered.current = task;
      showNotice({ message: `“${task.title}” may not have been added: ${errorMessage(error)} Adding it again is safe: it will not be added twice.` });
    },
    // An added task stays shown as being added until the board has it (a read model behind may answer without it).
    onSettled: () => queryClient.invalidateQueries(trpc.board.get.queryFilter({ projectId })),
  });

  function send(command: ChangeCommand) {
    const noted: ChangeCommand = {
      ...command,
      send: async (base) => {
        const answer = await command.send(base);
        const position = (answer as { position?: number | null }).position;
        setPending((list) =>
          typeof position === "number" ? list.map((c) => (c.commandId === command.commandId ? { ...c, position } : c)) : list.filter((c) => c.commandId !== command.commandId),
        );
        return answer;
      },
    };
    showNotice(null);
    setPending((list) => [...list, noted]);
    mutation.mutate(noted);
  }

  function moveTask(move: MoveRequest) {
    send({
      ...newTaskCommand(move.taskId, (base) =>
        client.task.move.mutate({
          ...base,
          toColumnId: move.toColumnId,
          afterTaskId: move.afterTaskId,
          overrideWipLimit: move.overrideWipLimit ?? false,
        }),
      ),
      move,
    });
  }

  function changeTask(taskId: string, edit: Partial<TaskFields>, sendCommand: TaskCommand["send"]) {
    send({ ...newTaskCommand(taskId, sendCommand), edit });
  }

  /** Returns the new task's command id; `onAdded` gets the task's id once the server has it. */
  function createTask(columnId: string, title: string, onAdded?: (taskId: string) => void) {
    const lost = unanswered.current;
    unanswered.current = null;
    const commandId = lost && lost.columnId === columnId && lost.title === title ? lost.commandId : crypto.randomUUID();
    const task: PendingCreate = { commandId, columnId, title };
    showNotice(null);
    setCreates((list) => [...list, task]);
    create.mutate(task, { onSuccess: ({ taskId }) => onAdded?.(taskId) });
  }

  /** The board as it will look once every pending change is accepted. */
  function withPending(board: BoardData): BoardData {
    if (pending.length === 0) return board;
    let shown = board;
    for (const command of pending) {
      if (command.move) shown = applyMove(shown, command.move);
      const edit = command.edit;
      if (edit) {
        // Archiving takes the card off the board.
        const edited = (tasks: BoardData["columns"][number]["tasks"]) =>
          edit.archived ? tasks.filter((t) => t.id !== command.taskId) : tasks.map((t) => (t.id === command.taskId ? { ...t, ...edit } : t));
        shown = {
          ...shown,
          columns: shown.columns.map((column) => (column.tasks.some((t) => t.id === command.taskId) ? { ...column, tasks: edited(column.tasks) } : column)),
        };
      }
    }
    return shown;
  }

  /** A task's fields with the edits still on their way applied, for the panel (which may show an archived task). */
  function editedTask<T extends TaskFields>(taskId: string, task: T): T {
    return pending.reduce<T>((shown, c) => (c.taskId === taskId && c.edit ? { ...shown, ...c.edit } : shown), task);
  }

  /** Forgets the changes and added tasks that the board from the server now has. */
  function forgetShown(board: BoardData) {
    const had = (c: ChangeCommand) => c.position !== undefined && board.position >= c.position;
    if (pending.some(had)) setPending((list) => list.filter((c) => !had(c)));
    // Nothing being added (nearly always): no need to list a large board's every task.
    if (creates.length === 0) return;
    const shown = new Set(board.columns.flatMap((c) => c.tasks.map((t) => t.id)).concat(board.archived.map((t) => t.id)));
    if (creates.some((c) => c.taskId && shown.has(c.taskId))) setCreates((list) => list.filter((c) => !(c.taskId && shown.has(c.taskId))));
  }

  /** Tasks being added to a column that the board does not show yet. */
  function creatingIn(columnId: string, board: BoardData): PendingCreate[] {
    if (!creates.some((c) => c.columnId === columnId)) return [];
    const shown = new Set(board.columns.flatMap((c) => c.tasks.map((t) => t.id)));
    return creates.filter((c) => c.columnId === columnId && !(c.taskId && shown.has(c.taskId)));
  }

  // Only the ones the server has not confirmed are marked on their cards.
  const pendingTaskIds = new Set(pending.filter((c) => c.position === undefined).map((c) => c.taskId));
  return {
    moveTask,
    changeTask,
    createTask,
    withPending,
    editedTask,
    creatingIn,
    forgetShown,
    pendingTaskIds,
    count: pending.filter((c) => c.position === undefined).length + creates.filter((c) => !c.taskId).length,
  };
}
