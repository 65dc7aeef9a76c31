import type { Card, WireCards } from "@/server/api/board/card-wire";

/**
 * A column's cards from the text the server sent field by field (server/api/board/card-wire.ts), as the
 * same card objects superjson would have given: one object literal per card, dates as Date. The loop is
 * decodeBoard's (server/board-state/board-codec.ts) over the same layout: the browser imports no server code.
 */
export function decodeCards(text: string): Card[] {
  const c = JSON.parse(text) as WireCards;
  const { refs } = c;
  const cards = new Array<Card>(c.id.length);
  for (let i = 0; i < cards.length; i++) {
    const assigneeId = c.assigneeId[i]!;
    const reviewerId = c.reviewerId[i]!;
    cards[i] = {
      id: c.id[i]!,
      exists: c.exists[i]!,
      projectId: refs[c.projectId[i]!]!,
      columnId: refs[c.columnId[i]!]!,
      rank: c.rank[i]!,
      title: c.title[i]!,
      description: c.description[i]!,
      priority: c.priority[i]!,
      assigneeId: assigneeId === null ? null : refs[assigneeId]!,
      labels: c.labels[i]!,
      dueDate: c.dueDate[i]!,
      archived: c.archived[i]!,
      commentCount: c.commentCount[i]!,
      reviewerId: reviewerId === null ? null : refs[reviewerId]!,
      review: c.review[i]!,
      createdAt: new Date(c.createdAt[i]!),
      updatedAt: new Date(c.updatedAt[i]!),
      updatedBy: refs[c.updatedBy[i]!]!,
      version: c.version[i]!,
    } satisfies Card;
  }
  return cards;
}
