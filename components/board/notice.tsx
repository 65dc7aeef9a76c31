"use client";

import { CloseIcon, WarningIcon } from "./icons";
import { buttonSecondary, iconButton } from "../ui/classes";

export type Notice = {
  message: string;
  /** e.g. "Move anyway" after a WIP limit refusal. */
  action?: { label: string; run: () => void };
};

/** A message about the last action, with an optional follow-up. Announced to screen readers as an alert. */
export function NoticeBar({ notice, onDismiss, className = "" }: { notice: Notice | null; onDismiss: () => void; className?: string }) {
  return (
    <div role="alert" aria-atomic="true" className={className}>
      {notice ? (
        <div className="flex items-start gap-3 rounded-lg border border-danger-border bg-danger-surface px-3 py-2.5 text-sm text-danger shadow-lg shadow-black/5">
          <WarningIcon className="mt-0.5 size-4 shrink-0" />
          <p className="min-w-0 flex-1 text-pretty">{notice.message}</p>
          {notice.action ? (
            <button type="button" onClick={notice.action.run} className={`${buttonSecondary} -my-1 h-7`}>
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" onClick={onDismiss} aria-label="Dismiss message" className={`${iconButton} -my-1 -mr-1 text-danger hover:text-danger`}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
    </div>
  );
}
