import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";

async function team() {
  const owner = await signedUpUser("Olive Owner");
  const admin = await signedUpUser("Adam Admin");
  const member = await signedUpUser("Mia Member");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Team" });
  await owner.caller.project.addMember({ ...cmd(), projectId, email: admin.user.email, role: "admin" });
  await owner.caller.project.addMember({ ...cmd(), projectId, email: member.user.email, role: "member" });
  return { owner, admin, member, projectId };
}

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected an error"), (e: unknown) => e as TRPCError);

describe("membership over the API", () => {
  it("lists members, changes a role and removes a member, each an event naming who did it", async () => {
    const { owner, admin, member, projectId } = await team();
    const listed = await member.caller.project.members({ projectId });
    expect(listed.members.map((m) => [m.name, m.role])).toEqual([
      ["Adam Admin", "admin"],
      ["Mia Member", "member"],
      ["Olive Owner", "owner"],
    ]);

    await admin.caller.project.changeMemberRole({ ...cmd(), projectId, userId: member.user.id, role: "viewer" });
    expect((await member.caller.board.get({ projectId })).role).toBe("viewer");
    await admin.caller.project.removeMember({ ...cmd(), projectId, userId: member.user.id });
    expect((await failure(member.caller.board.get({ projectId }))).code).toBe("NOT_FOUND");
    expect(await member.caller.project.list()).toEqual([]);

    const events = (await readProject(getPool(), projectId)).filter((e) => e.eventType.startsWith("Member"));
    expect(events.slice(-2).map((e) => [e.eventType, e.payload, e.metadata.userId])).toEqual([
      ["MemberRoleChanged", { userId: member.user.id, previousRole: "member", role: "viewer" }, admin.user.id],
      ["MemberRemoved", { userId: member.user.id, role: "viewer" }, admin.user.id],
    ]);
    const log = await owner.caller.project.auditLog({ projectId, eventTypes: ["MemberRemoved"] });
    expect(log.items[0]).toMatchObject({ userName: "Adam Admin", memberName: "Mia Member" });
  });

  it("keeps the owner role for owners and refuses to leave a project without one", async () => {
    const { owner, admin, projectId } = await team();
    const byAdmin = await failure(admin.caller.project.changeMemberRole({ ...cmd(), projectId, userId: admin.user.id, role: "owner" }));
    expect([byAdmin.code, byAdmin.message]).toEqual(["BAD_REQUEST", "Only an owner can grant or take away the owner role"]);
    const lastOwner = await failure(owner.caller.project.removeMember({ ...cmd(), projectId, userId: owner.user.id }));
    expect(lastOwner.message).toBe("A project needs at least one owner: make someone else an owner first");

    await owner.caller.project.changeMemberRole({ ...cmd(), projectId, userId: admin.user.id, role: "owner" });
    await admin.caller.project.changeMemberRole({ ...cmd(), projectId, userId: owner.user.id, role: "member" });
    expect((await owner.caller.project.list())[0]!.role).toBe("member");
  });

  it("answers NOT_FOUND to members who may not manage, and a clear error for an unknown email", async () => {
    const { owner, member, projectId } = await team();
    const byMember = await failure(member.caller.project.removeMember({ ...cmd(), projectId, userId: owner.user.id }));
    expect(byMember.code).toBe("NOT_FOUND");
    const unknown = await failure(owner.caller.project.addMember({ ...cmd(), projectId, email: "nobody@example.com", role: "viewer" }));
    expect([unknown.code, unknown.message]).toEqual([
      "BAD_REQUEST",
      "No one has signed up with nobody@example.com yet: ask them to create an account first",
    ]);
  });
});
