import { packTasks, type TaskColumns } from "../../board-state/board-codec";
import type { BoardTask } from "../../domain";

/*
 * A column's cards as they travel to the browser. superjson walked every value of a 10,000-card board (and
 * wrote a path annotation for each of its 20,000 dates) on the server and again in the browser; the answer
 * was about 5 MB. Here the cards go field by field as board snapshots hold tasks (board-state/board-codec.ts),
 * as one JSON text that superjson passes as a single string. The browser builds the same card objects back
 * (components/trpc/card-wire.ts), so nothing that reads the board changes. Server callers get the cards
 * as they are: only the transformer's output to HTTP uses this.
 */

/** A card as board.get and board.asOf answer it: the task and its stream version. */
export type Card = Required<BoardTask> & { version: number };

/** Every card's fields, field by field, in the column's order (as board snapshots hold tasks); ids index `refs`. */
export type WireCards = TaskColumns & { refs: string[] };

/** The name the transformer gives these values; the browser's transformer decodes values so named. */
export const CARDS_TYPE = "cards";

const columnWise = new WeakSet<Card[]>();

/** Marks a column's card list to be sent field by field (returns the same list). */
export function sentColumnWise(cards: Card[]): Card[] {
  columnWise.add(cards);
  return cards;
}

export const isSentColumnWise = (value: unknown): value is Card[] => columnWise.has(value as Card[]);

/** Texts of frozen lists (board/view.ts lays a board's cards out once while its tasks do not change). */
const encoded = new WeakMap<Card[], string>();

export function encodeCards(cards: Card[]): string {
  const held = encoded.get(cards);
  if (held !== undefined) return held;
  const { refs, tasks } = packTasks(cards, (card) => (card as Card).version);
  const text = JSON.stringify({ refs, ...tasks } satisfies WireCards);
  if (Object.isFrozen(cards)) encoded.set(cards, text);
  return text;
}
