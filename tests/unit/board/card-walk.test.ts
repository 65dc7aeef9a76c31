import { describe, expect, it } from "vitest";
import { walkCards } from "../../../components/board/card-walk";

const items = { todo: ["a", "b"], doing: [], done: ["c", "d"] };
const order = ["todo", "doing", "done"];

describe("walkCards", () => {
  it("goes down a column, then to the top of the next column with cards, skipping empty ones", () => {
    expect(walkCards(items, order, "a", 1)).toBe("b");
    expect(walkCards(items, order, "b", 1)).toBe("c");
    expect(walkCards(items, order, "c", 1)).toBe("d");
  });

  it("goes back up with k, on to the foot of the previous column", () => {
    expect(walkCards(items, order, "d", -1)).toBe("c");
    expect(walkCards(items, order, "c", -1)).toBe("b");
    expect(walkCards(items, order, "b", -1)).toBe("a");
  });

  it("stays at the first and last card", () => {
    expect(walkCards(items, order, "a", -1)).toBe("a");
    expect(walkCards(items, order, "d", 1)).toBe("d");
  });

  it("starts at the first card (j) or the last (k) when no card, or a card no longer shown, is focused", () => {
    expect(walkCards(items, order, null, 1)).toBe("a");
    expect(walkCards(items, order, null, -1)).toBe("d");
    expect(walkCards(items, order, "gone", 1)).toBe("a");
  });

  it("follows the columns' order, not the order of the record's keys", () => {
    expect(walkCards(items, ["done", "doing", "todo"], "d", 1)).toBe("a");
  });

  it("has nowhere to go on an empty board", () => {
    expect(walkCards({ todo: [] }, ["todo"], null, 1)).toBeNull();
  });

  it("walks every card of a long column, drawn or not, exactly once", () => {
    const long = { todo: Array.from({ length: 500 }, (_, i) => `t${i}`), done: ["x"] };
    const seen: string[] = [];
    let at: string | null = null;
    for (let i = 0; i < 501; i++) seen.push((at = walkCards(long, ["todo", "done"], at, 1))!);
    expect(new Set(seen).size).toBe(501);
    expect(seen.at(-1)).toBe("x");
  });
});
