"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { useSession } from "@/components/auth/auth-client";
import { setAsOfParam } from "@/components/time-travel/use-as-of-param";
import { CloseIcon } from "./icons";
import { buttonSecondary, iconButton } from "../ui/classes";

const storageKey = (userId: string) => `chronoboard:welcome-dismissed:${userId}`;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/**
 * A first-run note above the board that points at what sets Chronoboard apart: the history and time travel.
 * Dismissed once, it stays dismissed for that user in this browser.
 */
export function BoardWelcome({ projectId }: { projectId: string }) {
  const userId = useSession().data?.user.id;
  const dismissed = useSyncExternalStore(
    subscribe,
    () => !userId || localStorage.getItem(storageKey(userId)) !== null,
    // Not shown in the server's render: it appears once the browser knows it was not dismissed.
    () => true,
  );
  if (dismissed || !userId) return null;

  function dismiss() {
    localStorage.setItem(storageKey(userId!), new Date().toISOString());
    for (const listener of listeners) listener();
  }

  return (
    <section aria-labelledby="board-welcome-title" className="mb-4 flex gap-3 rounded-xl border border-border bg-surface px-4 py-3 shadow-xs">
      <div className="min-w-0 flex-1">
        <p id="board-welcome-title" className="text-sm font-semibold text-fg">
          Welcome to your board
        </p>
        <p className="mt-0.5 text-sm text-fg-muted">
          Nothing here is ever overwritten. Every change is kept in the project&apos;s history, and time travel shows the
          whole board as it was at any moment.
        </p>
        <div className="mt-2.5 flex flex-wrap gap-2">
          <button type="button" className={buttonSecondary} onClick={() => setAsOfParam(new Date())}>
            Try time travel
          </button>
          <Link href={`/projects/${projectId}/history`} className={buttonSecondary}>
            Open the history
          </Link>
        </div>
      </div>
      <button type="button" onClick={dismiss} aria-label="Dismiss the welcome" className={iconButton}>
        <CloseIcon />
      </button>
    </section>
  );
}
