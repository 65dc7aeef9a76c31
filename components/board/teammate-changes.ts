"use client";

import { useSyncExternalStore } from "react";

/** How long a teammate's change stays pointed out on its card. */
export const TEAMMATE_MARK_MS = 5000;

/** "Bilal moved this": who changed a card and how, while it is pointed out. */
export type TeammateMark = { name: string; verb: "added" | "moved" | "changed"; title: string };

/*
 * The cards other people changed in the last few seconds. Kept outside React state so that a mark redraws
 * only its own card (cards are memoised, and a board can hold thousands), and the announcer.
 */
const marks = new Map<string, TeammateMark>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const listeners = new Set<() => void>();
let announcement = { text: "", serial: 0 };

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Points out a teammate's change to a task for TEAMMATE_MARK_MS, and announces it once. */
export function markTeammateChange(taskId: string, mark: TeammateMark) {
  marks.set(taskId, mark);
  clearTimeout(timers.get(taskId));
  timers.set(
    taskId,
    setTimeout(() => {
      marks.delete(taskId);
      timers.delete(taskId);
      notify();
    }, TEAMMATE_MARK_MS),
  );
  announcement = { text: `${mark.name} ${mark.verb} “${mark.title}”`, serial: announcement.serial + 1 };
  notify();
}

export function useTeammateMark(taskId: string): TeammateMark | undefined {
  return useSyncExternalStore(
    subscribe,
    () => marks.get(taskId),
    () => undefined,
  );
}

/** The last teammate change announced, for the board's polite live region. */
export function useTeammateAnnouncement(): string {
  return useSyncExternalStore(
    subscribe,
    () => announcement.text,
    () => "",
  );
}
