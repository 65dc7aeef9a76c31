"use client";

import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragOverEvent,
  DragOverlay,
  type DragStartEvent,
  MouseSensor,
  type Over,
  TouchSensor,
  TraversalOrder,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useMemo, useRef, useState } from "react";
import { AddColumnForm } from "./add-column-form";
import { BoardColumn } from "./board-column";
import { type ColumnItems, columnOf, itemsOf, keepUnchangedLists, slotOf } from "./board-moves";
import { useBoardSession } from "./board-session";
import { columnThenCards } from "./column-collision";
import { PromptKeyboardSensor } from "./prompt-keyboard-sensor";
import { DraggedTaskCard } from "./task-card";

const screenReaderInstructions = {
  draggable:
    "To move this task, press Space to pick it up, use the arrow keys to move it within or between columns, then press Space or Enter to drop it, or Escape to cancel. Press Enter to open the task.",
};

/**
 * The columns side by side, with drag and drop of cards. While dragging, the card's position lives in
 * local state (so it can cross columns); on drop it becomes one task.move, shown optimistically.
 */
export function BoardColumns() {
  const { board, canManage, moveTask, filter } = useBoardSession();
  const [dragItems, setDragItems] = useState<ColumnItems | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const shownItems = useStableLists(itemsOf(board, filter.matches));
  const items = dragItems ?? shownItems;
  const justPickedUp = useRef(false);

  const tasksById = useMemo(() => new Map(board.columns.flatMap((c) => c.tasks).map((t) => [t.id, t])), [board]);
  const activeTask = activeId ? tasksById.get(activeId) : undefined;

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // A short press-and-hold on touch screens, so swiping still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 6 } }),
    useSensor(PromptKeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter stays free to open the task; Space picks up and drops.
      keyboardCodes: { start: ["Space"], cancel: ["Escape"], end: ["Space", "Enter"] },
    }),
  );

  const columnName = (id: UniqueIdentifier) => board.columns.find((c) => c.id === id)?.name ?? "a column";
  const titleOf = (id: UniqueIdentifier) => `“${tasksById.get(String(id))?.title ?? "task"}”`;
  /** Where a drop would land, from the sortable data dnd-kit keeps on every card. */
  function placeOf(over: Over): string {
    const sortable = over.data.current?.sortable as { containerId: UniqueIdentifier; index: number; items: unknown[] } | undefined;
    if (!sortable) return `the end of ${columnName(over.id)}`;
    return `position ${sortable.index + 1} of ${sortable.items.length} in ${columnName(sortable.containerId)}`;
  }
  /** Counted among the cards shown, like the drop positions. */
  function startPlaceOf(taskId: string): string {
    const columnId = columnOf(shownItems, taskId);
    if (!columnId) return "";
    const list = shownItems[columnId]!;
    return ` at position ${list.indexOf(taskId) + 1} of ${list.length} in ${columnName(columnId)}`;
  }
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      justPickedUp.current = true;
      return `Picked up ${titleOf(active.id)}${startPlaceOf(String(active.id))}.`;
    },
    onDragOver: ({ active, over }) => {
      // The first "over" is the card's own place; saying so again would cut off the pick-up message.
      const skip = justPickedUp.current && over?.id === active.id;
      justPickedUp.current = false;
      if (skip) return undefined;
      return over ? `${titleOf(active.id)} is over ${placeOf(over)}.` : `${titleOf(active.id)} is not over a column.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${titleOf(active.id)} at ${placeOf(over)}.` : `Dropped ${titleOf(active.id)}; it stays where it was.`,
    onDragCancel: ({ active }) => `Stopped moving ${titleOf(active.id)}. It is back where it was.`,
  };

  function onDragStart({ active }: DragStartEvent) {
    setDragItems(shownItems);
    setActiveId(String(active.id));
  }

  /** Crossing into another column moves the card there now, so that column makes room for it. */
  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !dragItems) return;
    const activeKey = String(active.id);
    const overKey = String(over.id);
    const from = columnOf(dragItems, activeKey);
    const to = columnOf(dragItems, overKey);
    if (!from || !to || from === to) return;

    setDragItems((current) => {
      if (!current) return current;
      const target = current[to]!;
      let index = target.length;
      if (overKey !== to) {
        const dragged = active.rect.current.translated;
        const below = dragged ? dragged.top > over.rect.top + over.rect.height / 2 : false;
        index = target.indexOf(overKey) + (below ? 1 : 0);
      }
      return {
        ...current,
        [from]: current[from]!.filter((id) => id !== activeKey),
        [to]: [...target.slice(0, index), activeKey, ...target.slice(index)],
      };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const taskId = String(active.id);
    const before = slotOf(shownItems, taskId);
    let after = dragItems;
    if (after && over) {
      const column = columnOf(after, String(over.id));
      const list = column ? after[column]! : [];
      const from = list.indexOf(taskId);
      if (column && from !== -1) {
        const to = String(over.id) === column ? list.length - 1 : list.indexOf(String(over.id));
        if (to !== -1 && to !== from) after = { ...after, [column]: arrayMove(list, from, to) };
      }
      const slot = slotOf(after, taskId);
      if (slot && before && (slot.columnId !== before.columnId || slot.afterTaskId !== before.afterTaskId)) {
        moveTask({ taskId, toColumnId: slot.columnId, afterTaskId: slot.afterTaskId });
      }
    }
    setDragItems(null);
    setActiveId(null);
  }

  function onDragCancel() {
    setDragItems(null);
    setActiveId(null);
  }

  return (
    <DndContext
      id="board-dnd"
      sensors={sensors}
      collisionDetection={columnThenCards}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{ announcements, screenReaderInstructions }}
      // A card held near the edge of a column scrolls that column first, then the page.
      autoScroll={{ order: TraversalOrder.ReversedTreeOrder }}
    >
      {/* relative: what is positioned inside a column (screen-reader-only text) stays in this scroll area, not the page's. */}
      <div className="relative -mx-4 flex gap-3 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6">
        {board.columns.map((column) => (
          <BoardColumn key={column.id} column={column} taskIds={items[column.id] ?? []} tasksById={tasksById} activeId={activeId} />
        ))}
        {canManage ? <AddColumnForm /> : null}
      </div>
      <DragOverlay>{activeTask ? <DraggedTaskCard task={activeTask} /> : null}</DragOverlay>
    </DndContext>
  );
}

/** The lists of `next`, keeping the arrays of the previous render for columns whose ids did not change. */
function useStableLists(next: ColumnItems): ColumnItems {
  const [kept, setKept] = useState(next);
  const merged = keepUnchangedLists(kept, next);
  const keys = Object.keys(merged);
  const changed = keys.length !== Object.keys(kept).length || keys.some((key) => merged[key] !== kept[key]);
  if (changed) setKept(merged);
  return changed ? merged : kept;
}
