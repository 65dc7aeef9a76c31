import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { PendingCommandIds } from "../../../components/trpc/command-ids";

const lostConnection = new TypeError("fetch failed");
const serverAnswer = (code: string) => new TRPCClientError("refused", { result: { error: { message: "refused", code: -32600, data: { code } } } });

describe("the command id of a user action", () => {
  it("stays the same when the action is sent again after its answer was lost, so the server recognises the retry", () => {
    let n = 0;
    const ids = new PendingCommandIds(() => `id-${++n}`);
    const first = ids.idFor({ title: "Ship" });
    ids.settled(lostConnection);
    expect(ids.idFor({ title: "Ship" })).toBe(first);
    ids.settled(lostConnection);
    expect(ids.idFor({ title: "Ship" })).toBe(first);
  });

  it("is new for the next action: after the server answered, or for another input", () => {
    let n = 0;
    const ids = new PendingCommandIds(() => `id-${++n}`);
    const first = ids.idFor({ title: "Ship" });
    ids.settled(null);
    const second = ids.idFor({ title: "Ship" });
    expect(second).not.toBe(first);
    ids.settled(serverAnswer("BAD_REQUEST"));
    const third = ids.idFor({ title: "Ship" });
    expect(third).not.toBe(second);
    ids.settled(lostConnection);
    expect(ids.idFor({ title: "Ship it" })).not.toBe(third);
  });

  it("stays the same after an answer that leaves open whether it was applied (the database went away, a server fault)", () => {
    let n = 0;
    const ids = new PendingCommandIds(() => `id-${++n}`);
    for (const code of ["SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR"]) {
      const first = ids.idFor({ title: "Ship" });
      ids.settled(serverAnswer(code));
      expect(ids.idFor({ title: "Ship" }), code).toBe(first);
      ids.settled(null);
    }
  });
});
