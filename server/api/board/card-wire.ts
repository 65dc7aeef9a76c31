import type { BoardTask } from "../../domain";

/*
 * A column's cards as they travel to the browser. superjson walked every value of a 10,000-card board (and
 * wrote a path annotation for each of its 20,000 dates) on the server and again in the browser; the answer
 * was about 5 MB. Here the cards go field by field (one array per field, no repeated keys), ids that recur
 * on many cards are written once in a table, times are epoch milliseconds, and the whole is one JSON text
 * that superjson passes as a single string. The browser builds the same card objects back
 * (components/trpc/card-wire.ts), so nothing that reads the board changes. Server callers get the cards
 * as they are: only the transformer's output to HTTP uses this.
 */

/** A card as board.get and board.asOf answer it: the task and its stream version. */
export type Card = Required<BoardTask> & { version: number };

/** Every card's fields, field by field, in the column's order; `Ref` fields index `refs`. */
type Ref = number;
export interface WireCards {
  refs: string[];
  id: string[];
  version: number[];
  createdAt: number[];
  updatedAt: number[];
  updatedBy: Ref[];
  exists: boolean[];
  projectId: Ref[];
  columnId: Ref[];
  rank: string[];
  title: string[];
  description: string[];
  priority: Card["priority"][];
  assigneeId: (Ref | null)[];
  labels: string[][];
  dueDate: (string | null)[];
  archived: boolean[];
  commentCount: number[];
  reviewerId: (Ref | null)[];
  review: Card["review"][];
}

/** The name the transformer gives these values; the browser's transformer decodes values so named. */
export const CARDS_TYPE = "cards";

const columnWise = new WeakSet<Card[]>();

/** Marks a column's card list to be sent field by field (returns the same list). */
export function sentColumnWise(cards: Card[]): Card[] {
  columnWise.add(cards);
  return cards;
}

export const isSentColumnWise = (value: unknown): value is Card[] => columnWise.has(value as Card[]);

export function encodeCards(cards: Card[]): string {
  const refs: string[] = [];
  const refIndex = new Map<string, number>();
  const ref = (value: string) => {
    let index = refIndex.get(value);
    if (index === undefined) refIndex.set(value, (index = refs.push(value) - 1));
    return index;
  };
  const optionalRef = (value: string | null) => (value === null ? null : ref(value));
  const wire: WireCards = {
    refs,
    id: cards.map((c) => c.id),
    version: cards.map((c) => c.version),
    createdAt: cards.map((c) => c.createdAt.getTime()),
    updatedAt: cards.map((c) => c.updatedAt.getTime()),
    updatedBy: cards.map((c) => ref(c.updatedBy)),
    exists: cards.map((c) => c.exists),
    projectId: cards.map((c) => ref(c.projectId)),
    columnId: cards.map((c) => ref(c.columnId)),
    rank: cards.map((c) => c.rank),
    title: cards.map((c) => c.title),
    description: cards.map((c) => c.description),
    priority: cards.map((c) => c.priority),
    assigneeId: cards.map((c) => optionalRef(c.assigneeId)),
    labels: cards.map((c) => c.labels),
    dueDate: cards.map((c) => c.dueDate),
    archived: cards.map((c) => c.archived),
    commentCount: cards.map((c) => c.commentCount),
    reviewerId: cards.map((c) => optionalRef(c.reviewerId)),
    review: cards.map((c) => c.review),
  };
  return JSON.stringify(wire);
}
