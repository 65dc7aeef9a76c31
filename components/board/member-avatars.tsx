import { initials, roleLabel } from "../ui/format";
import type { Member } from "./types";

/** How many members show as avatars; the rest are counted in a "+N". */
export const AVATARS_SHOWN = 5;

const avatarClass = "inline-flex size-7 shrink-0 items-center justify-center rounded-full text-[0.625rem] font-semibold";

/**
 * The project's members as initials, side by side (never stacked over one another, which hid initials).
 * Past AVATARS_SHOWN, the rest are one "+N" whose name lists them.
 */
export function MemberAvatars({ members }: { members: Member[] }) {
  const shown = members.length > AVATARS_SHOWN + 1 ? members.slice(0, AVATARS_SHOWN) : members;
  const rest = members.slice(shown.length);
  const described = (member: Member) => `${member.name} (${roleLabel[member.role]})`;
  return (
    <ul className="ml-auto flex flex-wrap gap-1" aria-label="Members">
      {shown.map((member) => (
        <li key={member.id} title={described(member)} className={`${avatarClass} bg-accent/15 text-accent-text`}>
          <span aria-hidden="true">{initials(member.name)}</span>
          <span className="sr-only">
            {member.name}, {roleLabel[member.role]}
          </span>
        </li>
      ))}
      {rest.length > 0 ? (
        <li data-more-members title={rest.map(described).join(", ")} className={`${avatarClass} border border-border bg-surface-muted text-fg-muted`}>
          <span aria-hidden="true">+{rest.length}</span>
          <span className="sr-only">
            {rest.length} more: {rest.map((member) => `${member.name}, ${roleLabel[member.role]}`).join("; ")}
          </span>
        </li>
      ) : null}
    </ul>
  );
}
