import { describe, expect, it } from "vitest";
import { DomainError, rankBetween } from "../../../server/domain";

describe("rankBetween", () => {
  it("starts an empty column at a0", () => {
    expect(rankBetween(null, null)).toBe("a0");
  });

  it("appends after the last task and prepends before the first", () => {
    expect(rankBetween("a0", null)).toBe("a1");
    expect(rankBetween(null, "a0")).toBe("Zz");
  });

  it("fits between two neighbours without touching them", () => {
    const rank = rankBetween("a0", "a1");
    expect(rank > "a0" && rank < "a1").toBe(true);
  });

  it("refuses neighbours that leave no room", () => {
    expect(() => rankBetween("a0", "a0")).toThrow(
      new DomainError("The task could not be placed there; reload the board and try again"),
    );
    expect(() => rankBetween("not a rank", null)).toThrow(DomainError);
  });
});
