import { describe, expect, it } from "vitest";
import { keepUnchangedLists } from "../../../components/board/board-moves";

describe("keepUnchangedLists", () => {
  it("keeps the previous array of a column whose ids are the same, and takes the new one otherwise", () => {
    const previous = { todo: ["a", "b"], doing: ["c"], done: [] };
    const next = { todo: ["a", "b"], doing: ["c", "d"], done: [], review: [] };
    const kept = keepUnchangedLists(previous, next);
    expect(kept).toEqual(next);
    expect(kept.todo).toBe(previous.todo);
    expect(kept.done).toBe(previous.done);
    expect(kept.doing).toBe(next.doing);
    expect(kept.review).toBe(next.review);
  });

  it("sees a reorder as a change", () => {
    const previous = { todo: ["a", "b"] };
    const next = { todo: ["b", "a"] };
    expect(keepUnchangedLists(previous, next).todo).toBe(next.todo);
  });
});
