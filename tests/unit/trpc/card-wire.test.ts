import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { transformer as browser } from "../../../components/trpc/transformer";
import { decodeCards } from "../../../components/trpc/card-wire";
import { initialTaskState } from "../../../server/domain";
import { type Card, encodeCards, sentColumnWise } from "../../../server/api/board/card-wire";
import { transformer as server } from "../../../server/api/input-transformer";

const card = (n: number, fields: Partial<Card> = {}): Card => ({
  ...initialTaskState(),
  id: `00000000-0000-4000-8000-00000000000${n}`,
  exists: true,
  projectId: "p-1",
  columnId: "c-1",
  rank: `a${n}`,
  title: `Task ${n}`,
  createdAt: new Date(Date.UTC(2026, 0, n)),
  updatedAt: new Date(Date.UTC(2026, 1, n, 12, 30, 15, 123)),
  updatedBy: "user-a",
  version: n,
  ...fields,
});

/** Cards that differ in every field, with the values that are easy to get wrong: nulls, shared ids, text that needs escaping. */
const cards: Card[] = [
  card(1),
  card(2, { assigneeId: "user-b", reviewerId: "user-a", review: "pending", labels: ["bug", "docs"], dueDate: "2027-03-01", priority: "urgent" }),
  card(3, { title: 'Quotes " and \\ and\nnew lines, emoji 🚀, "[["custom"]]"', description: "Line one\r\nline\ttwo", commentCount: 12, updatedBy: "user-b" }),
  card(4, { assigneeId: "user-a", reviewerId: "user-b", review: "changes_requested", labels: ["quick win"], exists: false, archived: true, projectId: "p-2", columnId: "c-2" }),
  card(5, { review: "approved", reviewerId: "user-c", assigneeId: "user-c", createdAt: new Date(0), updatedAt: new Date(-86_400_000) }),
];

/** A board answer as the server's transformer writes it to HTTP and the browser's transformer reads it. */
const overHttp = <T>(answer: T): T => browser.deserialize(JSON.parse(JSON.stringify(server.output.serialize(answer))));

describe("cards sent field by field", () => {
  it("decode to the cards that were encoded, field for field", () => {
    expect(decodeCards(encodeCards(cards))).toStrictEqual(cards);
    expect(decodeCards(encodeCards([]))).toStrictEqual([]);
  });

  it("reach the browser as the same board that superjson alone delivered, beside the answer's other values", () => {
    const answer = () => ({
      project: { id: "p-1", name: "Board", version: 3 },
      position: 42,
      lag: { events: 0, parked: undefined },
      columns: [
        { id: "c-1", name: "To do", wipLimit: null, taskCount: 3, tasks: sentColumnWise(cards.slice(0, 3)) },
        { id: "c-2", name: "Empty", wipLimit: 2, taskCount: 0, tasks: sentColumnWise([]) },
        { id: "c-3", name: "Done", wipLimit: null, taskCount: 2, tasks: sentColumnWise(cards.slice(3)) },
      ],
      archived: [{ id: "t-9", title: "Old", columnId: "c-1", version: 2 }],
      asOf: new Date(Date.UTC(2026, 5, 1)),
    });
    const before = superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(answer()))));
    expect(overHttp(answer())).toStrictEqual(before);
    expect(overHttp(answer())).toStrictEqual(answer());
  });

  it("are sent that way only when marked: other lists of the same shape go as superjson does", () => {
    const answer = { tasks: cards };
    const wire = server.output.serialize(answer);
    expect(wire).toStrictEqual(superjson.serialize(answer));
    expect(overHttp(answer)).toStrictEqual(answer);
  });

  it("take a fraction of superjson's bytes for a large board", () => {
    const many = Array.from({ length: 2000 }, (_, i) => card((i % 9) + 1, { id: `task-${i}`, title: `Task number ${i}` }));
    const plain = JSON.stringify(superjson.serialize({ tasks: many })).length;
    const compact = JSON.stringify(server.output.serialize({ tasks: sentColumnWise(many) })).length;
    expect(compact).toBeLessThan(plain * 0.6);
  });
});
