import { columnTasks, type Role } from "../../domain";
import type { Db } from "../../db";
import type { LoadedBoard } from "../../board-state";
import { archivedView, cardView, membersView, projectView } from "./view";

/**
 * What changed on a board between two loads, in the shapes boardView draws, so an open board is patched
 * in place instead of refetching every card. It applies to the board as drawn at `basePosition` only.
 */
export async function boardPatch(db: Db, before: LoadedBoard, after: LoadedBoard, role: Role) {
  const changedTaskIds = Object.keys(after.taskVersions).filter((id) => after.taskVersions[id] !== before.taskVersions[id]);
  const projectChanged = after.projectVersion !== before.projectVersion;
  // Only the columns a changed task left or entered can have a new order, unless the columns changed.
  const touched = projectChanged
    ? after.columns.map((c) => c.id)
    : [...new Set(changedTaskIds.flatMap((id) => [before.tasks[id]?.columnId, after.tasks[id]?.columnId]))];
  const order: Record<string, string[]> = {};
  for (const columnId of touched) {
    if (!columnId) continue;
    const ids = columnTasks(after, columnId).map((t) => t.id);
    if (ids.join() !== columnTasks(before, columnId).map((t) => t.id).join()) order[columnId] = ids;
  }
  const archivedChanged = changedTaskIds.some((id) => after.tasks[id]?.archived || before.tasks[id]?.archived);
  return {
    kind: "patch" as const,
    basePosition: before.position,
    position: after.position,
    changedTaskIds,
    tasks: changedTaskIds.flatMap((id) => {
      const task = after.tasks[id];
      return task && !task.archived ? [cardView(after, task)] : [];
    }),
    order,
    archived: archivedChanged ? archivedView(after) : undefined,
    project: projectChanged
      ? { project: projectView(after), role, columns: after.columns, labelColours: after.labelColours, members: await membersView(db, after) }
      : undefined,
  };
}

export type BoardPatch = Awaited<ReturnType<typeof boardPatch>>;

/** Sent when the client may have missed changes the server cannot describe: it refetches the board. */
export type BoardResync = { kind: "resync"; position: number };
