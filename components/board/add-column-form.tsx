"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/context";
import { usePendingCommandIds } from "@/components/trpc/command-ids";
import { errorMessage } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { PlusIcon } from "./icons";
import { buttonGhost, buttonPrimary, fieldInput } from "../ui/classes";
import { useInvalidateBoard } from "./use-invalidate-board";

/** The last slot of the board: a new column goes to the right end. */
export function AddColumnForm() {
  const { projectId } = useBoardSession();
  const trpc = useTRPC();
  const invalidateBoard = useInvalidateBoard(projectId);
  const add = useMutation(trpc.column.add.mutationOptions({ onSuccess: invalidateBoard }));
  const commandIds = usePendingCommandIds();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const inputId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    add.mutate(
      { projectId, commandId: commandIds.idFor({ projectId, name: name.trim() }), name: name.trim() },
      {
        onSettled: (_answer, error) => commandIds.settled(error),
        onSuccess: () => {
          setName("");
          setOpen(false);
        },
      },
    );
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        // Narrower than a column, so that beside the four columns a new board starts with it fits a 1440 px screen.
        className={`${buttonGhost} h-11 w-40 shrink-0 justify-start rounded-xl border border-dashed border-border-strong px-3`}
      >
        <PlusIcon />
        Add column
      </button>
    );
  }

  return (
    <form onSubmit={submit} className="w-72 shrink-0 space-y-2 rounded-xl border border-border bg-surface-muted/70 p-3">
      <label htmlFor={inputId} className="text-xs font-medium text-fg-muted">
        Column name
      </label>
      <input
        id={inputId}
        autoFocus
        value={name}
        maxLength={60}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
        className={fieldInput}
      />
      {add.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessage(add.error)}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={!name.trim() || add.isPending} className={`${buttonPrimary} h-7`}>
          {add.isPending ? "Adding…" : "Add column"}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={`${buttonGhost} h-7`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
