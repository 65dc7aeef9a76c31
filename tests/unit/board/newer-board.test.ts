import { describe, expect, it } from "vitest";
import { newerBoard } from "@/components/board/newer-board";

describe("newerBoard", () => {
  const at = (position: number, tasks: string[]) => ({ position, tasks });

  it("keeps the board shown when a fetch answers an older one (a read model held up)", () => {
    const shown = at(12, ["Signal drops"]);
    expect(newerBoard(shown, at(11, []))).toBe(shown);
  });

  it("takes the fetched board when it is as new or newer, or nothing is shown yet", () => {
    const fetched = at(12, ["Signal drops", "Moved"]);
    expect(newerBoard(at(12, ["Signal drops"]), fetched)).toBe(fetched);
    expect(newerBoard(at(3, []), fetched)).toBe(fetched);
    expect(newerBoard(undefined, fetched)).toBe(fetched);
  });
});
