import type { Board } from "../board";
import type { Role } from "../events/fields";

/**
 * The member with a role who carries the least work, for automation that assigns by role: fewest open
 * tasks counted by `load` (ties by user id, so the choice is the same wherever it is made), never one of
 * `exclude`. null when no member qualifies.
 */
export function pickMember(
  board: Pick<Board, "members" | "tasks">,
  role: Role,
  options: { exclude?: (string | null)[]; load: (task: Board["tasks"][string], userId: string) => boolean },
): string | null {
  const candidates = Object.entries(board.members)
    .filter(([userId, memberRole]) => memberRole === role && !options.exclude?.includes(userId))
    .map(([userId]) => userId);
  const open = Object.values(board.tasks).filter((task) => !task.archived);
  const loadOf = (userId: string) => open.filter((task) => options.load(task, userId)).length;
  const ranked = candidates.map((userId) => ({ userId, load: loadOf(userId) })).sort((a, b) => a.load - b.load || byId(a.userId, b.userId));
  return ranked[0]?.userId ?? null;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
