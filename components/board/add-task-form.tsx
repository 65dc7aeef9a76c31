"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/context";
import { usePendingCommandIds } from "@/components/trpc/command-ids";
import { errorMessage } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { PlusIcon } from "./icons";
import type { BoardColumn } from "./types";
import { buttonGhost, buttonPrimary, fieldTextarea } from "../ui/classes";
import { useInvalidateBoard } from "./use-invalidate-board";
import { useReturnFocus } from "./use-return-focus";

/** "Add task" at the foot of a column; stays open after adding so several tasks can be typed in a row. */
export function AddTaskForm({ column }: { column: BoardColumn }) {
  const { projectId, board, newTaskRequest, revealTask } = useBoardSession();
  const trpc = useTRPC();
  const invalidateBoard = useInvalidateBoard(projectId);
  const create = useMutation(trpc.task.create.mutationOptions({ onSuccess: invalidateBoard }));
  // A click again after a lost answer re-sends the same command, which the server then recognises.
  const commandIds = usePendingCommandIds();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [openerRef, returnFocus] = useReturnFocus<HTMLButtonElement>();
  const inputId = useId();

  // The `n` shortcut opens the first column's form; every form notes each request so none opens late.
  const first = board.columns[0]?.id === column.id;
  const [seenRequest, setSeenRequest] = useState(newTaskRequest);
  if (newTaskRequest !== seenRequest) {
    setSeenRequest(newTaskRequest);
    if (first) setOpen(true);
  }
  // A form that was open already only needs the focus; only on a new request, not when columns are reordered.
  const focusIfFirst = useEffectEvent(() => {
    if (first) inputRef.current?.focus();
  });
  useEffect(() => {
    if (newTaskRequest > 0) focusIfFirst();
  }, [newTaskRequest]);

  function close() {
    setOpen(false);
    setTitle("");
    create.reset();
    // Back to the button that opened the form, so keyboard users keep their place.
    returnFocus();
  }

  function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    if (!title.trim() || create.isPending) return;
    create.mutate(
      { projectId, commandId: commandIds.idFor({ columnId: column.id, title: title.trim() }), columnId: column.id, title: title.trim() },
      {
        onSettled: (_answer, error) => commandIds.settled(error),
        onSuccess: ({ taskId }) => {
          setTitle("");
          // It goes to the foot of the column, which may be scrolled out of view.
          revealTask(taskId);
          // Back to the title for the next task (a click on "Add" left the focus there, disabled while adding),
          // unless the user has moved on while the board was refetched.
          const focused = document.activeElement;
          if (!focused || focused === document.body || formRef.current?.contains(focused)) inputRef.current?.focus();
        },
      },
    );
  }

  if (!open) {
    return (
      <div className="px-2 pb-2">
        <button
          ref={openerRef}
          type="button"
          onClick={() => setOpen(true)}
          aria-label={`Add task to ${column.name}`}
          className={`${buttonGhost} w-full justify-start px-2`}
        >
          <PlusIcon />
          Add task
        </button>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-2 px-2 pb-2">
      <label htmlFor={inputId} className="sr-only">
        New task title in {column.name}
      </label>
      <textarea
        id={inputId}
        ref={inputRef}
        autoFocus
        rows={2}
        value={title}
        maxLength={200}
        placeholder="Task title"
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) submit(event);
          if (event.key === "Escape") close();
        }}
        className={`${fieldTextarea} resize-none`}
      />
      {create.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessage(create.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={!title.trim() || create.isPending} className={`${buttonPrimary} h-7`}>
          {create.isPending ? "Adding…" : "Add"}
        </button>
        <button type="button" onClick={close} className={`${buttonGhost} h-7`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
