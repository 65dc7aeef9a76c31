"use client";

import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { useBoardSession } from "./board-session";
import { PlusIcon } from "./icons";
import { TitleCounter, titleTooLong } from "./title-limit";
import type { BoardColumn } from "./types";
import { buttonGhost, buttonPrimary, fieldTextarea } from "../ui/classes";
import { useReturnFocus } from "./use-return-focus";

/**
 * "Add task" at the foot of a column; stays open after adding so several tasks can be typed in a row. The
 * field clears as soon as a title is sent, so typing the next one at once loses nothing; the task shows below
 * the cards as being added until the board has it (offline, until the connection returns and it is sent).
 */
export function AddTaskForm({ column }: { column: BoardColumn }) {
  const { board, newTaskRequest, revealTask, changes } = useBoardSession();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [refused, setRefused] = useState(false);
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
    setRefused(false);
    // Back to the button that opened the form, so keyboard users keep their place.
    returnFocus();
  }

  function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const text = title.trim();
    if (!text) return;
    if (titleTooLong(text)) return setRefused(true);
    setTitle("");
    setRefused(false);
    // It goes to the foot of the column, which may be scrolled out of view.
    changes.createTask(column.id, text, revealTask);
    // Back to the title for the next task (a click on "Add" left the focus on the button).
    inputRef.current?.focus();
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
        placeholder="Task title"
        aria-invalid={refused || undefined}
        aria-describedby={`${inputId}-count`}
        onChange={(event) => {
          setTitle(event.target.value);
          setRefused(false);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) submit(event);
          if (event.key === "Escape") close();
        }}
        className={`${fieldTextarea} resize-none`}
      />
      <TitleCounter id={`${inputId}-count`} length={title.trim().length} refused={refused} />
      <div className="flex gap-2">
        <button type="submit" disabled={!title.trim()} className={`${buttonPrimary} h-7`}>
          Add
        </button>
        <button type="button" onClick={close} className={`${buttonGhost} h-7`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
