import type { ColumnItems } from "./board-moves";

/**
 * The card `j` (step 1) or `k` (step -1) goes to from `current`: down its column, then on to the top of the
 * next column that has cards (`k` the reverse). With no card focused, `j` starts at the board's first card and
 * `k` at its last; at either end it stays. Null when no card is shown. Works on ids, so cards of a long column
 * that are not drawn yet are walked like the others.
 */
export function walkCards(items: ColumnItems, columnOrder: string[], current: string | null, step: 1 | -1): string | null {
  const all = columnOrder.flatMap((columnId) => items[columnId] ?? []);
  if (all.length === 0) return null;
  const at = current === null ? -1 : all.indexOf(current);
  if (at === -1) return step === 1 ? all[0]! : all[all.length - 1]!;
  return all[Math.min(all.length - 1, Math.max(0, at + step))]!;
}
