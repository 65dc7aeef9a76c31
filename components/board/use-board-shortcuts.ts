"use client";

import { useEffect, useEffectEvent } from "react";

export type ShortcutActions = { newTask?: () => void; search: () => void; showShortcuts: () => void };

/** Where a key press is text being typed, not a command. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));

/**
 * The board's single-key shortcuts: `n` new task, `/` search, `?` the list of shortcuts. Keys typed into a
 * field, with Ctrl/Alt/Meta (the browser's and the system's own), or while a dialog is open (which then owns the
 * keyboard; Escape closes it natively) are left alone.
 */
export function useBoardShortcuts(actions: ShortcutActions) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
    const byKey: Partial<Record<string, () => void>> = { n: actions.newTask, "/": actions.search, "?": actions.showShortcuts };
    const action = byKey[event.key];
    if (!action) return;
    // Keeps `/` from opening the browser's quick find and the key from being typed into the field it focuses.
    event.preventDefault();
    action();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
