"use client";

import { type TeammateMark, useTeammateAnnouncement, useTeammateMark } from "./teammate-changes";

export { useTeammateMark };

/**
 * "Bilal moved this" on a card a teammate just changed. Hidden from screen readers, which hear the change
 * once from the board's announcer instead (a card's text is its button's name, which should not change).
 */
export function TeammateBadge({ mark }: { mark: TeammateMark }) {
  return (
    <p
      aria-hidden="true"
      data-teammate-change={mark.verb}
      className="mb-1.5 inline-flex max-w-full animate-[cb-appear_150ms_both] items-center gap-1 truncate rounded bg-sky-100 px-1.5 text-xs font-medium text-sky-900 dark:bg-sky-950 dark:text-sky-100"
    >
      {mark.name} {mark.verb} this
    </p>
  );
}

/** The ring a card wears while its teammate's change is pointed out. */
export const teammateCardClass = "ring-2 ring-sky-500/70 dark:ring-sky-400/70";

/** Tells screen readers, politely, about teammates' changes: "Bilal moved “Write the spec”". */
export function TeammateAnnouncer() {
  const text = useTeammateAnnouncement();
  return (
    <p role="status" aria-live="polite" data-teammate-announcer className="sr-only">
      {text}
    </p>
  );
}
