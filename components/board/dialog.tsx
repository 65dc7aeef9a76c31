"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { CloseIcon } from "./icons";
import { iconButton } from "../ui/classes";

const placements = {
  /** Full-height panel on the right, like a "peek" of the task beside the board. */
  sheet:
    "mr-0 ml-auto my-0 h-dvh max-h-dvh w-full max-w-xl border-border open:flex open:flex-col sm:rounded-l-xl sm:border-l",
  center: "m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-border",
  /** High on the screen, like a search box: the list below it grows downwards as one types. */
  top: "mx-auto mt-[10dvh] mb-auto w-[calc(100%-2rem)] max-w-xl rounded-xl border border-border",
} as const;

/**
 * A native modal <dialog>: the browser traps focus, closes on Escape and gives focus back to what opened it.
 * Closing always goes through dialog.close() so that focus restore happens.
 */
export function Dialog({
  open,
  onClose,
  labelledBy,
  placement = "center",
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  placement?: keyof typeof placements;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const closeReported = useRef(false);
  // Escape closes at once, but the close event comes in a later task, and the browser may handle a key pressed
  // meanwhile first (Ctrl+K would then toggle a palette still open in state): the cancel event that Escape fires
  // before closing reports it at once, and the close event only if nothing did and the dialog was not opened again.
  const reportClose = () => {
    if (closeReported.current) return;
    closeReported.current = true;
    onClose();
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      closeReported.current = false;
      dialog.showModal();
      // React's autoFocus runs before the dialog is shown (and so does nothing); a control may ask for it this way.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        if (!event.defaultPrevented) reportClose();
      }}
      onClose={(event) => {
        if (!event.currentTarget.open) reportClose();
      }}
      // Only a press that starts and ends on the backdrop closes: text selection that strays outside does not.
      onMouseDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedOnBackdrop.current && event.target === event.currentTarget) event.currentTarget.close();
      }}
      className={`bg-surface p-0 text-fg shadow-2xl shadow-black/20 backdrop:bg-black/30 dark:backdrop:bg-black/60 ${placements[placement]}`}
    >
      {open ? children : null}
    </dialog>
  );
}

/** A centred dialog's title (the element `labelledBy` names) with its close button. */
export function DialogTitle({ id, title, closeLabel, onClose }: { id: string; title: string; closeLabel: string; onClose: () => void }) {
  return (
    <div className="mb-4 flex items-center justify-between gap-3">
      <h2 id={id} className="text-base font-semibold text-fg">
        {title}
      </h2>
      <button type="button" onClick={onClose} aria-label={closeLabel} className={iconButton}>
        <CloseIcon />
      </button>
    </div>
  );
}
