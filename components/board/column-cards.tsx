"use client";

import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useCallback, useEffect, useRef } from "react";
import { useBoardSession } from "./board-session";
import { SortableTaskCard } from "./task-card";
import type { BoardTask } from "./types";

/** A card's height before it is drawn (a title line and a row of details) and the space between cards. */
const ESTIMATED_CARD_PX = 74;
const GAP_PX = 8;
/** Cards drawn beyond each edge of the visible part, so scrolling and Tab reach drawn cards first. */
const OVERSCAN = 8;

/**
 * A column's cards in a list that scrolls on its own. Only the cards in view (and a few either side) are in
 * the page: dnd-kit redraws every sortable card of a column when its list changes, and a 500-task board
 * then stalled at each live change and each column crossed while dragging. The card being dragged stays
 * drawn wherever it is scrolled to. The list is the column's drop target (`dropRef`).
 */
export function ColumnCards({
  label,
  taskIds,
  tasksById,
  activeId,
  dropRef,
  highlighted,
  empty,
}: {
  label: string;
  taskIds: string[];
  tasksById: Map<string, BoardTask>;
  activeId: string | null;
  dropRef: (node: HTMLElement | null) => void;
  highlighted: boolean;
  empty: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const activeIndex = activeId ? taskIds.indexOf(activeId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex === -1 || indexes.includes(activeIndex) ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The React Compiler is not in use here, and the list redraws itself when the virtualizer says so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: taskIds.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => taskIds[index]!,
    gap: GAP_PX,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  const { revealTaskId, revealTask } = useBoardSession();
  const revealIndex = revealTaskId ? taskIds.indexOf(revealTaskId) : -1;
  useEffect(() => {
    if (revealIndex === -1) return;
    virtualizer.scrollToIndex(revealIndex);
    revealTask(null);
  }, [revealIndex, virtualizer, revealTask]);
  const setScrollRef = useCallback(
    (node: HTMLDivElement | null) => {
      scrollRef.current = node;
      dropRef(node);
    },
    [dropRef],
  );

  return (
    <div
      ref={setScrollRef}
      className={`mx-1.5 flex max-h-[max(20rem,calc(100dvh-18rem))] min-h-20 flex-1 flex-col overflow-y-auto rounded-lg p-0.5 pb-2 transition-colors ${
        highlighted ? "bg-accent/5" : ""
      }`}
    >
      {taskIds.length === 0 ? (
        <ol aria-label={label} className="flex flex-1 flex-col">
          {empty}
        </ol>
      ) : (
        <ol aria-label={label} className="relative shrink-0" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const task = tasksById.get(taskIds[item.index]!);
            return task ? (
              <SortableTaskCard
                key={task.id}
                task={task}
                index={item.index}
                top={item.start}
                setSize={taskIds.length}
                measureRef={virtualizer.measureElement}
              />
            ) : null;
          })}
        </ol>
      )}
    </div>
  );
}
