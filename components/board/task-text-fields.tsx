"use client";

import { useId, useState } from "react";
import { useTRPCClient } from "@/components/trpc/context";
import type { ChangeTask } from "./task-properties";
import { TitleCounter, titleTooLong } from "./title-limit";
import { buttonGhost, buttonPrimary, fieldTextarea } from "../ui/classes";

/**
 * The title as a borderless heading-sized field. Saved on Enter or when focus leaves; Escape
 * puts back what the board shows. While not being edited it always shows the latest title.
 */
export function TitleField({ title, change }: { title: string; change: ChangeTask }) {
  const client = useTRPCClient();
  const [draft, setDraft] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const counterId = useId();

  function commit() {
    const next = draft?.trim();
    // A title over the limit stays in the field, refused with the reason, instead of being cut.
    if (next && titleTooLong(next)) return setRefused(true);
    setDraft(null);
    if (!next || next === title) return;
    change({ title: next }, (base) => client.task.rename.mutate({ ...base, title: next }));
  }

  return (
    <>
      <input
        aria-label="Title"
        value={draft ?? title}
        aria-invalid={refused || undefined}
        aria-describedby={counterId}
        onChange={(event) => {
          setDraft(event.target.value);
          setRefused(false);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
          if (event.key === "Escape" && draft !== null) {
            // Undo the edit without closing the dialog.
            event.preventDefault();
            setDraft(null);
            setRefused(false);
          }
        }}
        className="-mx-2 block w-[calc(100%+1rem)] rounded-md border border-transparent bg-transparent px-2 py-1 text-lg font-semibold tracking-tight text-fg hover:border-border focus-visible:border-ring"
      />
      <TitleCounter id={counterId} length={(draft ?? title).trim().length} refused={refused} />
    </>
  );
}

/** Description with explicit Save / Cancel, since it is longer text that should not save half-written. */
export function DescriptionField({ description, inputId, change }: { description: string; inputId: string; change: ChangeTask }) {
  const client = useTRPCClient();
  const [draft, setDraft] = useState<string | null>(null);
  const dirty = draft !== null && draft !== description;

  function save() {
    if (draft === null) return;
    const next = draft;
    setDraft(null);
    if (next !== description) change({ description: next }, (base) => client.task.changeDescription.mutate({ ...base, description: next }));
  }

  return (
    <div className="space-y-2">
      <textarea
        id={inputId}
        rows={4}
        value={draft ?? description}
        maxLength={20_000}
        placeholder="Add more detail…"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) save();
          if (event.key === "Escape" && dirty) {
            event.preventDefault();
            setDraft(null);
          }
        }}
        className={`${fieldTextarea} resize-y`}
      />
      {dirty ? (
        <div className="flex gap-2">
          <button type="button" onClick={save} className={`${buttonPrimary} h-7`}>
            Save description
          </button>
          <button type="button" onClick={() => setDraft(null)} className={`${buttonGhost} h-7`}>
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}
