import { describe, expect, it } from "vitest";
import type { LoadedBoard } from "../../../server/projections/board";
import { decodeBoard, encodeBoard } from "../../../server/projections/board-codec";

const board: LoadedBoard = {
  project: { id: "p1", name: "Launch", ownerId: "alice", exists: true },
  // A member id that reads like a date field must stay a plain key.
  members: { alice: "owner", createdAt: "member" },
  columns: [{ id: "c1", name: "To do", wipLimit: 3 }],
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
    },
  },
  taskVersions: { t1: 2 },
  projectVersion: 4,
  position: 17,
};

describe("board snapshot encoding", () => {
  it("round-trips a board, its Dates as Dates and every other string as a string", () => {
    const decoded = decodeBoard(encodeBoard(board));
    expect(decoded).toEqual(board);
    expect(decoded.tasks.t1!.createdAt).toBeInstanceOf(Date);
    expect(decoded.tasks.t1!.updatedAt).toBeInstanceOf(Date);
    expect(decoded.tasks.t1!.title).toBe("2030-01-01T09:00:00.000Z");
    expect(decoded.tasks.t1!.dueDate).toBe("2030-02-01");
  });
});
