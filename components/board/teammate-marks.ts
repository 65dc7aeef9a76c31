import type { BoardPatch } from "@/server/api/board/patch";
import { markTeammateChange, type TeammateMark } from "./teammate-changes";
import type { BoardData } from "./types";

/**
 * Points out the cards of a live patch that someone else changed (the user's own changes come back in
 * patches too, and are not pointed out). How: a card new to the board was added, one in another column or
 * place was moved, any other was changed.
 */
export function markTeammateChanges(drawn: BoardData, patch: BoardPatch, me: string) {
  const before = new Map(drawn.columns.flatMap((column) => column.tasks).map((task) => [task.id, task]));
  for (const task of patch.tasks) {
    if (!task.updatedBy || task.updatedBy === me) continue;
    const previous = before.get(task.id);
    const verb: TeammateMark["verb"] = !previous
      ? "added"
      : previous.columnId !== task.columnId || previous.rank !== task.rank
        ? "moved"
        : "changed";
    const name = drawn.members.find((member) => member.id === task.updatedBy)?.name ?? "A teammate";
    markTeammateChange(task.id, { name, verb, title: task.title });
  }
}
