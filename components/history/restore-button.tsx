"use client";

import { useState } from "react";
import { formatTimestamp } from "@/components/ui/format";
import { buttonGhost, buttonPrimary, buttonSecondary } from "@/components/ui/classes";
import { useReturnFocus } from "@/components/board/use-return-focus";

/** "Restore to this point", asking first: restoring adds changes for everyone, even though it can be undone. */
export function RestoreButton({
  timestamp,
  disabled,
  onConfirm,
  label = "Restore to this point",
}: {
  timestamp: Date;
  disabled: boolean;
  onConfirm: () => void;
  label?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [openerRef, returnFocus] = useReturnFocus<HTMLButtonElement>();

  function cancel() {
    setAsking(false);
    // The confirm box takes the focus; give it back to the button that opened it.
    returnFocus();
  }

  if (!asking) {
    return (
      <button ref={openerRef} type="button" disabled={disabled} onClick={() => setAsking(true)} className={`${buttonGhost} -ml-2 h-7 px-2 text-xs`}>
        {label}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm restore"
      onKeyDown={(event) => {
        // Escape cancels the question without closing the whole task panel.
        if (event.key === "Escape") {
          event.preventDefault();
          cancel();
        }
      }}
      className="mt-1 rounded-md border border-border bg-surface-muted px-3 py-2 text-xs text-fg"
    >
      <p>
        Restore this task to how it was at {formatTimestamp(timestamp)}? New changes are added; its history stays as it is.
      </p>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          autoFocus
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
          className={`${buttonPrimary} h-7`}
        >
          Restore
        </button>
        <button type="button" onClick={cancel} className={`${buttonSecondary} h-7`}>
          Cancel
        </button>
      </div>
    </div>
  );
}
