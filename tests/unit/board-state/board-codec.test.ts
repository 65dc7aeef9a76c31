import { describe, expect, it } from "vitest";
import type { LoadedBoard } from "../../../server/board-state";
import { decodeBoard, packBoard, parseBoard } from "../../../server/board-state/board-codec";

const board: LoadedBoard = {
  project: { id: "p1", name: "Launch", ownerId: "alice", exists: true },
  // A member id that reads like a date field must stay a plain key.
  members: { alice: "owner", createdAt: "member" },
  columns: [{ id: "c1", name: "To do", wipLimit: 3 }],
  labelColours: { urgent: "red" },
  tasks: {
    t1: {
      id: "t1",
      exists: true,
      projectId: "p1",
      columnId: "c1",
      rank: "a0",
      title: "2030-01-01T09:00:00.000Z",
      description: "",
      priority: "high",
      assigneeId: null,
      labels: ["docs"],
      dueDate: "2030-02-01",
      archived: false,
      commentCount: 1,
      reviewerId: null,
      review: null,
      createdAt: new Date("2030-01-01T09:00:00.001Z"),
      updatedAt: new Date("2030-01-01T09:05:00.123Z"),
      updatedBy: "u1",
    },
    t2: {
      id: "t2",
      exists: true,
      projectId: "p1",
      columnId: "c1",
      rank: "Zz",
      title: "Comes first in its column",
      description: "Two\nlines",
      priority: "none",
      assigneeId: "alice",
      labels: [],
      dueDate: null,
      archived: false,
      commentCount: 0,
      reviewerId: "alice",
      review: "pending",
      createdAt: new Date("2030-01-01T09:01:00.000Z"),
      updatedAt: new Date("2030-01-01T09:01:00.000Z"),
      updatedBy: "u2",
    },
    // Archived in a column that has since been removed.
    t3: {
      id: "t3",
      exists: true,
      projectId: "p1",
      columnId: "gone",
      rank: "a0",
      title: "Old",
      description: "",
      priority: "low",
      assigneeId: null,
      labels: ["a", "b"],
      dueDate: null,
      archived: true,
      commentCount: 3,
      reviewerId: null,
      review: null,
      createdAt: new Date("2029-12-31T23:59:59.999Z"),
      updatedAt: new Date("2030-01-01T00:00:00.000Z"),
      updatedBy: "u1",
    },
  },
  taskVersions: { t1: 2, t2: 5, t3: 1 },
  projectVersion: 4,
  position: 17,
};

describe("board snapshot encoding", () => {
  it("round-trips a board, its Dates as Dates and every other string as a string", () => {
    const decoded = decodeBoard(parseBoard(JSON.stringify(packBoard(board))));
    expect(decoded).toEqual(board);
    expect(decoded.tasks.t1!.createdAt).toBeInstanceOf(Date);
    expect(decoded.tasks.t1!.updatedAt).toBeInstanceOf(Date);
    expect(decoded.tasks.t1!.title).toBe("2030-01-01T09:00:00.000Z");
    expect(decoded.tasks.t1!.dueDate).toBe("2030-02-01");
  });

  it("packs the board as reading its JSON back gives it (what a saved snapshot leaves in the cache)", () => {
    const packed = packBoard(board);
    expect(packed).toStrictEqual(parseBoard(JSON.stringify(packed)));
  });

  it("writes each id that recurs on tasks once, and the tasks in board order", () => {
    const json = JSON.stringify(packBoard(board));
    expect(json.match(/"p1"/g)).toHaveLength(2); // the project's id and the reference table, not once per task
    expect(Object.keys(decodeBoard(parseBoard(json)).tasks)).toEqual(["t3", "t2", "t1"]);
  });
});
