"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { useBoardSession } from "./board-session";
import { Dialog, DialogTitle } from "./dialog";
import { ChevronIcon } from "./icons";
import type { BoardColumn } from "./types";
import { buttonDanger, buttonPrimary, buttonSecondary, fieldInput, fieldLabel } from "../ui/classes";
import { countOf } from "../ui/format";
import { useInvalidateBoard } from "./use-invalidate-board";

/** Rename, WIP limit, position and removal of one column (owners and admins only). */
export function ColumnSettingsDialog({ column, open, onClose }: { column: BoardColumn; open: boolean; onClose: () => void }) {
  const headingId = `column-settings-${column.id}`;
  return (
    <Dialog open={open} onClose={onClose} labelledBy={headingId}>
      <ColumnSettings column={column} headingId={headingId} onClose={onClose} />
    </Dialog>
  );
}

function ColumnSettings({ column, headingId, onClose }: { column: BoardColumn; headingId: string; onClose: () => void }) {
  const { projectId, board } = useBoardSession();
  const trpc = useTRPC();
  const invalidateBoard = useInvalidateBoard(projectId);
  const settle = { onSettled: invalidateBoard };
  const rename = useMutation(trpc.column.rename.mutationOptions(settle));
  const setWipLimit = useMutation(trpc.column.setWipLimit.mutationOptions(settle));
  const move = useMutation(trpc.column.move.mutationOptions(settle));
  const remove = useMutation(trpc.column.remove.mutationOptions(settle));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const index = board.columns.findIndex((c) => c.id === column.id);
  // Archived tasks still belong to their column (restoring puts them back), so they keep it from being removed.
  const taskCount = column.tasks.length + board.archived.filter((t) => t.columnId === column.id).length;
  const busy = rename.isPending || setWipLimit.isPending || move.isPending || remove.isPending;

  async function attempt(action: () => Promise<unknown>) {
    setError(null);
    setSaved(false);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(errorMessage(caught));
      return false;
    }
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const limitText = String(data.get("wipLimit") ?? "").trim();
    const wipLimit = limitText === "" ? null : Number(limitText);
    if (!name) return setError("Give the column a name.");
    if (wipLimit !== null && (!Number.isInteger(wipLimit) || wipLimit < 1 || wipLimit > 999)) {
      return setError("The WIP limit is a whole number from 1 to 999, or empty for no limit.");
    }
    const ok = await attempt(async () => {
      if (name !== column.name) await rename.mutateAsync({ projectId, commandId: crypto.randomUUID(), columnId: column.id, name });
      if (wipLimit !== column.wipLimit) {
        await setWipLimit.mutateAsync({ projectId, commandId: crypto.randomUUID(), columnId: column.id, wipLimit });
      }
    });
    setSaved(ok);
  }

  const moveTo = (toIndex: number) =>
    attempt(() => move.mutateAsync({ projectId, commandId: crypto.randomUUID(), columnId: column.id, toIndex }));

  async function removeColumn() {
    if (await attempt(() => remove.mutateAsync({ projectId, commandId: crypto.randomUUID(), columnId: column.id }))) onClose();
  }

  return (
    <div className="p-5">
      <DialogTitle id={headingId} title="Column settings" closeLabel="Close column settings" onClose={onClose} />

      <form onSubmit={save} className="space-y-4">
        <div className="space-y-1.5">
          <label htmlFor={`${headingId}-name`} className={fieldLabel}>
            Name
          </label>
          <input id={`${headingId}-name`} name="name" defaultValue={column.name} maxLength={60} required className={fieldInput} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${headingId}-wip`} className={fieldLabel}>
            WIP limit
          </label>
          <input
            id={`${headingId}-wip`}
            name="wipLimit"
            type="number"
            inputMode="numeric"
            min={1}
            max={999}
            defaultValue={column.wipLimit ?? ""}
            placeholder="No limit"
            aria-describedby={`${headingId}-wip-hint`}
            className={`${fieldInput} w-32`}
          />
          <p id={`${headingId}-wip-hint`} className="text-xs text-fg-muted">
            Most tasks this column should hold at once. Leave empty for no limit.
          </p>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={busy} className={buttonPrimary}>
            {rename.isPending || setWipLimit.isPending ? "Saving…" : "Save"}
          </button>
          <p role="status" className="text-xs text-fg-muted">
            {saved ? "Saved." : ""}
          </p>
        </div>
      </form>

      <div className="mt-5 space-y-2 border-t border-border pt-4">
        <p className={fieldLabel}>Position</p>
        <div className="flex gap-2">
          <button type="button" disabled={busy || index <= 0} onClick={() => moveTo(index - 1)} className={buttonSecondary}>
            <ChevronIcon direction="left" />
            Move left
          </button>
          <button
            type="button"
            disabled={busy || index >= board.columns.length - 1}
            onClick={() => moveTo(index + 1)}
            className={buttonSecondary}
          >
            Move right
            <ChevronIcon direction="right" />
          </button>
        </div>
      </div>

      <div className="mt-5 space-y-2 border-t border-border pt-4">
        <button type="button" disabled={busy || taskCount > 0} onClick={removeColumn} className={buttonDanger}>
          Remove column
        </button>
        {taskCount > 0 ? (
          <p className="text-xs text-fg-muted">
            Only an empty column can be removed: move its {taskCount === 1 ? "task" : countOf(taskCount, "task")} to another column
            first. Archived tasks count too; restore them to move them.
          </p>
        ) : null}
      </div>

      <div role="alert" className="empty:hidden">
        {error ? <p className="mt-4 rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">{error}</p> : null}
      </div>
    </div>
  );
}
