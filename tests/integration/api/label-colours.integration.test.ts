import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";

type User = Awaited<ReturnType<typeof signedUpUser>>;

async function teamProject() {
  const owner = await signedUpUser("Olga");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Colours" });
  const join = async (name: string, role: "member" | "viewer") => {
    const user = await signedUpUser(name);
    await owner.caller.project.addMember({ ...cmd(), projectId, email: user.user.email, role });
    return user;
  };
  return { owner, projectId, member: await join("Bilal", "member"), viewer: await join("Vera", "viewer") };
}

async function errorOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

const colour = (user: User, projectId: string, label: string, value: string) =>
  user.caller.project.setLabelColour({ ...cmd(), projectId, label, colour: value as "red" });

describe("project.setLabelColour", () => {
  it("lets a member colour a label: one event in the project's log, and the board shows it", async () => {
    const { projectId, member } = await teamProject();
    const { position } = await colour(member, projectId, "bug", "red");
    const board = await member.caller.board.get({ projectId, position: position ?? undefined });
    expect(board.labelColours).toEqual({ bug: "red" });

    await colour(member, projectId, "bug", "green");
    const events = (await readProject(getPool(), projectId)).filter((e) => e.eventType === "LabelColourSet");
    expect(events.map((e) => [e.payload, e.metadata.userId])).toEqual([
      [{ label: "bug", previousColour: null, colour: "red" }, member.user.id],
      [{ label: "bug", previousColour: "red", colour: "green" }, member.user.id],
    ]);
    // The same colour again (a retried request) records nothing.
    await colour(member, projectId, "bug", "green");
    expect((await readProject(getPool(), projectId)).filter((e) => e.eventType === "LabelColourSet")).toHaveLength(2);
  });

  it("answers a colour outside the palette with a 400 that names the palette, and writes nothing", async () => {
    const { projectId, member } = await teamProject();
    const error = await errorOf(colour(member, projectId, "bug", "#ff0000"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("Choose one of the label colours: grey, red");
    expect((await readProject(getPool(), projectId)).some((e) => e.eventType === "LabelColourSet")).toBe(false);
  });

  it("does not let a viewer choose colours, where a member may", async () => {
    const { projectId, viewer, member } = await teamProject();
    expect((await errorOf(colour(viewer, projectId, "bug", "red"))).code).toBe("NOT_FOUND");
    await colour(member, projectId, "bug", "blue");
    const set = (await readProject(getPool(), projectId)).filter((e) => e.eventType === "LabelColourSet");
    expect(set.map((e) => e.metadata.userId)).toEqual([member.user.id]);
  });

  it("shows a past board with the colours of that instant", async () => {
    const { projectId, member } = await teamProject();
    await colour(member, projectId, "bug", "red");
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await colour(member, projectId, "bug", "blue");
    const then = await member.caller.board.asOf({ projectId, asOf: between });
    expect(then.exists && then.board.labelColours).toEqual({ bug: "red" });
    const now = await member.caller.board.asOf({ projectId, asOf: new Date() });
    expect(now.exists && now.board.labelColours).toEqual({ bug: "blue" });
  });
});

describe("who changed a card last", () => {
  it("is on each card, from the read model and in the live patch another user receives", async () => {
    const { owner, projectId, member } = await teamProject();
    const start = await owner.caller.board.get({ projectId });
    const { taskId } = await owner.caller.task.create({ ...cmd(), projectId, columnId: start.columns[0]!.id, title: "Shared" });
    const controller = new AbortController();
    const stream = await owner.subscriber(controller.signal).board.changes({ projectId });
    const iterator = stream[Symbol.asyncIterator]();
    const next = iterator.next();
    const moved = await member.caller.task.move({ ...cmd(), projectId, taskId, toColumnId: start.columns[1]!.id, afterTaskId: null });
    const [, patch] = (await next).value as unknown as [string, { kind: string; tasks: { id: string; updatedBy: string }[] }];
    controller.abort();
    expect(patch.tasks.find((t) => t.id === taskId)?.updatedBy).toBe(member.user.id);
    const board = await owner.caller.board.get({ projectId, position: moved.position ?? undefined });
    const card = board.columns.flatMap((c) => c.tasks).find((t) => t.id === taskId);
    expect(card).toMatchObject({ columnId: start.columns[1]!.id, updatedBy: member.user.id });
  });
});
