"use client";

import { useEffect, useEffectEvent } from "react";

/** A field of a task that a key on its card opens the task panel at. */
export type TaskField = "assignee" | "priority" | "labels";

export type ShortcutActions = {
  newTask?: () => void;
  search: () => void;
  showShortcuts: () => void;
  /** ⌘K / Ctrl+K. */
  togglePalette: () => void;
  /** `j` (1) and `k` (-1): from the focused card, or null when no card has focus. */
  walk?: (from: string | null, step: 1 | -1) => void;
  /** `a`, `p`, `l` on a focused card. */
  openField?: (taskId: string, field: TaskField) => void;
  /** `t`. */
  timeTravel: () => void;
};

/** Where a key press is text being typed, not a command. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));

/** The task of the card that has focus, if one has. */
export const focusedTaskId = () =>
  (document.activeElement instanceof HTMLElement && document.activeElement.closest<HTMLElement>("[data-task-id]")?.dataset.taskId) ||
  null;

const fieldKeys: Partial<Record<string, TaskField>> = { a: "assignee", p: "priority", l: "labels" };

/**
 * The board's shortcuts: ⌘K / Ctrl+K the command palette (from anywhere, fields and the task panel too, as
 * in Linear), and single keys: `n` new task, `/` search, `?` the list of shortcuts, `j`/`k` the next and
 * previous card, `a`/`p`/`l` a focused card's assignee, priority and labels, `t` time travel. Single keys
 * typed into a field, with Ctrl/Alt/Meta (the browser's and the system's own), while a dialog is open (which
 * then owns the keyboard; Escape closes it natively) or while a card is picked up are left alone.
 */
export function useBoardShortcuts(actions: ShortcutActions) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      actions.togglePalette();
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
    // dnd-kit marks the card it holds; its arrow keys, Space and Escape are the only keys then.
    if (document.querySelector("[data-task-id][aria-pressed=true]")) return;
    const card = focusedTaskId();
    const field = fieldKeys[event.key];
    const byKey: Partial<Record<string, () => void>> = {
      n: actions.newTask,
      "/": actions.search,
      "?": actions.showShortcuts,
      j: actions.walk && (() => actions.walk!(card, 1)),
      k: actions.walk && (() => actions.walk!(card, -1)),
      t: actions.timeTravel,
      ...(field && card && actions.openField ? { [event.key]: () => actions.openField!(card, field) } : {}),
    };
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
