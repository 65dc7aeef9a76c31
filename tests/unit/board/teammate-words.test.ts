import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { describeEvent } from "@/components/history/describe-event";
import type { AuditItem } from "@/components/history/types";
import { markTeammateChanges } from "@/components/board/teammate-marks";
import type { BoardData } from "@/components/board/types";
import type { BoardPatch } from "@/server/api/board/patch";

const names = { column: (id: string) => id, member: (id: string) => id, today: "2030-01-01" };
const projectEvent = (type: string, data: unknown) => ({ aggregateType: "project", type, data }) as unknown as AuditItem;

describe("the history in words: label colours", () => {
  it("says which label got which colour, and what it had before", () => {
    expect(describeEvent(projectEvent("LabelColourSet", { label: "bug", previousColour: null, colour: "red" }), names)).toBe(
      "coloured the label “bug” red",
    );
    expect(describeEvent(projectEvent("LabelColourSet", { label: "bug", previousColour: "red", colour: "teal" }), names)).toBe(
      "changed the colour of the label “bug” from red to teal",
    );
  });
});

describe("teammates' changes on the board", () => {
  const task = (id: string, columnId: string, rank: string, updatedBy: string) => ({ id, title: `Task ${id}`, columnId, rank, updatedBy });
  const drawn = {
    members: [
      { id: "me", name: "Alice" },
      { id: "bilal", name: "Bilal" },
    ],
    columns: [{ id: "todo", tasks: [task("a", "todo", "a0", "me"), task("b", "todo", "a1", "me")] }],
  } as unknown as BoardData;
  const patch = (...tasks: ReturnType<typeof task>[]) => ({ tasks }) as unknown as BoardPatch;
  let marks: Record<string, string>;

  beforeEach(async () => {
    vi.useFakeTimers();
    marks = {};
    const store = await import("@/components/board/teammate-changes");
    vi.spyOn(store, "markTeammateChange").mockImplementation((id, mark) => void (marks[id] = `${mark.name} ${mark.verb} this`));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("names who moved, changed or added a card, and leaves the user's own changes alone", () => {
    markTeammateChanges(
      drawn,
      patch(task("a", "doing", "a0", "bilal"), task("b", "todo", "a1", "me"), task("c", "todo", "a2", "bilal"), task("b2", "todo", "a3", "gone")),
      "me",
    );
    expect(marks).toEqual({ a: "Bilal moved this", c: "Bilal added this", b2: "A teammate added this" });
    markTeammateChanges(drawn, patch({ ...task("b", "todo", "a1", "bilal"), title: "Renamed" }), "me");
    expect(marks.b).toBe("Bilal changed this");
  });
});
