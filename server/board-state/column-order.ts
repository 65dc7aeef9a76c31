/**
 * A column's live tasks in board order (byRank: rank, then id), kept as a sorted array that is replaced,
 * never changed, so that a board handed out earlier keeps the order it was read with. Placing or taking out
 * one task finds its slot by binary search and copies the array once (pointers only), instead of filtering
 * and sorting every task of the board for each command.
 */
export interface Slot {
  id: string;
  rank: string;
}

export type ColumnOrder = readonly Slot[];

/** Board order, as byRank's: plain code-unit order, which fractional-indexing keys are built for. */
export function bySlot(a: Slot, b: Slot): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first index whose slot sorts after `slot` (where it goes). */
function upperBound(order: ColumnOrder, slot: Slot): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bySlot(order[mid]!, slot) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `slot` is in the order, or -1. */
export function indexOfSlot(order: ColumnOrder, slot: Slot): number {
  const index = upperBound(order, slot) - 1;
  return index >= 0 && order[index]!.id === slot.id ? index : -1;
}

export function withSlot(order: ColumnOrder, slot: Slot): ColumnOrder {
  const index = upperBound(order, slot);
  return [...order.slice(0, index), slot, ...order.slice(index)];
}

export function withoutSlot(order: ColumnOrder, slot: Slot): ColumnOrder {
  const index = indexOfSlot(order, slot);
  return index === -1 ? order : [...order.slice(0, index), ...order.slice(index + 1)];
}
