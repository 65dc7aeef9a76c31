import { type CollisionDetection, closestCorners } from "@dnd-kit/core";

/**
 * Where a dragged card is over: first the column its centre is in (or nearest to), then the closest card
 * corners within that column only. dnd-kit runs this on every pointer move, and closestCorners over every card
 * of a big board (each rect read corrects for scrolling) was the costliest part of a drag.
 */
export const columnThenCards: CollisionDetection = (args) => {
  const { collisionRect, droppableRects, droppableContainers } = args;
  const x = collisionRect.left + collisionRect.width / 2;
  let columnId = null;
  let nearest = Infinity;
  for (const container of droppableContainers) {
    if (container.data.current?.type !== "column") continue;
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const distance = Math.max(rect.left - x, x - rect.right, 0);
    if (distance < nearest) [columnId, nearest] = [container.id, distance];
  }
  if (columnId === null) return [];
  const inColumn = droppableContainers.filter(
    (container) => container.id === columnId || container.data.current?.sortable?.containerId === columnId,
  );
  return closestCorners({ ...args, droppableContainers: inColumn });
};
