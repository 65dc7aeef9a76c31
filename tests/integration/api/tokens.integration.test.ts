import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { boardAsOfResponse } from "../../../server/api/http/board-as-of";
import { cmd, signedUpUser } from "../helpers/api";

const boardRequest = (projectId: string, token: string) =>
  boardAsOfResponse(new Request(`http://localhost/api/v1/projects/${projectId}/board`, { headers: { authorization: `Bearer ${token}` } }), projectId);

describe("personal API tokens over the API", () => {
  it("creates a token shown once, lists it with its last use, and refuses it on the HTTP API once revoked", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Tokens" });
    const { id, token } = await alice.caller.token.create({ name: "  collector  " });
    expect(token).toMatch(/^cbt_/);

    const [listed] = await alice.caller.token.list();
    expect(listed).toMatchObject({ id, name: "collector", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(token.slice(4));

    expect((await boardRequest(projectId, token)).status).toBe(200);
    expect((await alice.caller.token.list())[0]!.lastUsedAt).toBeInstanceOf(Date);

    await alice.caller.token.revoke({ id });
    expect((await alice.caller.token.list())[0]!.revokedAt).toBeInstanceOf(Date);
    expect((await boardRequest(projectId, token)).status).toBe(401);
  });

  it("shows and revokes only the caller's own tokens", async () => {
    const alice = await signedUpUser("Alice");
    const mallory = await signedUpUser("Mallory");
    const { id } = await alice.caller.token.create({ name: "mine" });
    expect(await mallory.caller.token.list()).toEqual([]);
    const error = await mallory.caller.token.revoke({ id }).then(() => null, (e: unknown) => e as TRPCError);
    expect(error?.code).toBe("NOT_FOUND");
    expect((await alice.caller.token.list())[0]!.revokedAt).toBeNull();
  });

  it("refuses a token without a name or with a name over 100 characters", async () => {
    const alice = await signedUpUser("Alice");
    for (const name of [" ", "x".repeat(101)]) {
      const error = await alice.caller.token.create({ name }).then(() => null, (e: unknown) => e as TRPCError);
      expect(error?.code).toBe("BAD_REQUEST");
    }
    expect(await alice.caller.token.list()).toEqual([]);
  });
});
