import { describe, expect, it } from "vitest";
import { emptyBoard, evolveBoard, evolveProject, initialProjectState, projectDecider, type ProjectEvent } from "../../../server/domain";
import { spec } from "./decider-spec";

const given = spec(projectDecider).given;
const projectId = "00000000-0000-4000-8000-000000000001";

const created: ProjectEvent[] = [
  { type: "ProjectCreated", data: { name: "Launch", ownerId: "alice" } },
  { type: "MemberAdded", data: { userId: "alice", role: "owner" } },
  { type: "MemberAdded", data: { userId: "bilal", role: "member" } },
  { type: "MemberAdded", data: { userId: "vera", role: "viewer" } },
  { type: "MemberAdded", data: { userId: "aude", role: "auditor" } },
];
const set = (actorId: string, label: string, colour: string) =>
  ({ type: "SetLabelColour", projectId, actorId, label, colour }) as const as Parameters<typeof projectDecider.decide>[0];

describe("SetLabelColour", () => {
  it("colours a label for the first time, saying it had no colour before", () =>
    given(created)
      .when(set("bilal", "bug", "red"))
      .then([{ type: "LabelColourSet", data: { label: "bug", previousColour: null, colour: "red" } }]));

  it("changes a colour, keeping the one it replaces", () =>
    given([...created, { type: "LabelColourSet", data: { label: "bug", previousColour: null, colour: "red" } }])
      .when(set("alice", "bug", "amber"))
      .then([{ type: "LabelColourSet", data: { label: "bug", previousColour: "red", colour: "amber" } }]));

  it("records nothing when the label already has that colour (a retried request)", () =>
    given([...created, { type: "LabelColourSet", data: { label: "bug", previousColour: null, colour: "red" } }])
      .when(set("bilal", "bug", "red"))
      .then([]));

  it("trims the label as tasks' labels are trimmed", () =>
    given(created)
      .when(set("bilal", "  bug ", "teal"))
      .then([{ type: "LabelColourSet", data: { label: "bug", previousColour: null, colour: "teal" } }]));

  it.each(["vera", "aude", "stranger"])("refuses %s, who does not edit the board", (actor) =>
    given(created).when(set(actor, "bug", "red")).thenThrows("Only owners, admins and members can choose label colours"));

  it("refuses a colour outside the palette, naming the palette", () =>
    given(created).when(set("bilal", "bug", "#ff0000")).thenThrows(/Choose one of the label colours: grey, red/));

  it("refuses an empty label", () => given(created).when(set("bilal", "  ", "red")).thenThrows("Label cannot be empty"));

  it("refuses a project that does not exist", () => given([]).when(set("bilal", "bug", "red")).thenThrows("This project does not exist"));
});

describe("label colours in state and on the board", () => {
  const events: ProjectEvent[] = [
    ...created,
    { type: "LabelColourSet", data: { label: "bug", previousColour: null, colour: "red" } },
    { type: "LabelColourSet", data: { label: "ux", previousColour: null, colour: "purple" } },
    { type: "LabelColourSet", data: { label: "bug", previousColour: "red", colour: "green" } },
  ];

  it("keeps the latest colour of each label", () => {
    expect(events.reduce(evolveProject, initialProjectState()).labelColours).toEqual({ bug: "green", ux: "purple" });
  });

  it("puts them on the board the same way", () => {
    const envelope = { aggregateId: projectId, userId: "alice", timestamp: new Date(0) };
    const board = events.reduce((b, e) => evolveBoard(b, { ...e, ...envelope }), emptyBoard);
    expect(board.labelColours).toEqual({ bug: "green", ux: "purple" });
  });
});
