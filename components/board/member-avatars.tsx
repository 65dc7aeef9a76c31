"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "../ui/use-dismiss";
import { initials, roleLabel } from "../ui/format";
import type { Member } from "./types";

/** How many members show as avatars; the rest are counted in a "+N". */
export const AVATARS_SHOWN = 5;

const avatarClass = "inline-flex size-7 shrink-0 items-center justify-center rounded-full text-[0.625rem] font-semibold";
const memberAvatarClass = `${avatarClass} bg-accent/15 text-accent-text`;

/**
 * The project's members as initials, side by side (never stacked over one another, which hid initials).
 * Past AVATARS_SHOWN, the rest are behind one "+N" button that lists them.
 */
export function MemberAvatars({ members }: { members: Member[] }) {
  const shown = members.length > AVATARS_SHOWN + 1 ? members.slice(0, AVATARS_SHOWN) : members;
  const rest = members.slice(shown.length);
  return (
    <ul className="ml-auto flex flex-wrap gap-1" aria-label="Members">
      {shown.map((member) => (
        <li key={member.id} title={`${member.name} (${roleLabel[member.role]})`} className={memberAvatarClass}>
          <span aria-hidden="true">{initials(member.name)}</span>
          <span className="sr-only">
            {member.name}, {roleLabel[member.role]}
          </span>
        </li>
      ))}
      {rest.length > 0 ? <MoreMembers members={rest} /> : null}
    </ul>
  );
}

/**
 * "+N" as a disclosure button: a click, a tap or Enter shows who the others are (a hover title alone reached
 * neither touch screens nor the keyboard); Escape or a press outside closes it.
 */
function MoreMembers({ members }: { members: Member[] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, button, popover);
  return (
    <li data-more-members className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className={`${avatarClass} border border-border bg-surface-muted text-fg-muted hover:border-border-strong hover:text-fg aria-expanded:border-border-strong aria-expanded:text-fg`}
      >
        <span aria-hidden="true">+{members.length}</span>
        <span className="sr-only">+{members.length} more members</span>
      </button>
      {open ? (
        <div
          ref={popover}
          id={listId}
          className="absolute top-9 right-0 z-30 w-max max-w-[calc(100vw-2rem)] min-w-48 rounded-md border border-border bg-surface p-1.5 shadow-lg"
        >
          <ul aria-label={`${members.length} more members`} className="flex flex-col">
            {members.map((member) => (
              <li key={member.id} className="flex items-center gap-2 rounded px-1.5 py-1 text-sm">
                <span aria-hidden="true" className={memberAvatarClass}>
                  {initials(member.name)}
                </span>
                <span className="min-w-0 break-words text-fg">{member.name}</span>
                <span className="sr-only">, </span>
                <span className="ml-auto pl-2 text-xs text-fg-muted">{roleLabel[member.role]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </li>
  );
}
