import { describe, expect, it } from "vitest";
import { cmd, signedUpUser } from "../helpers/api";

/** Reads the next value of a subscription, or fails after the timeout. */
async function nextWithin<T>(iterator: AsyncIterator<T>, ms = 5000): Promise<T> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms));
  const result = await Promise.race([iterator.next(), timeout]);
  if (result.done) throw new Error("subscription ended");
  return result.value;
}

describe("live board updates (LISTEN/NOTIFY → subscription)", () => {
  it("tells a subscriber of a project when another user's change commits, and only for that project", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Live" });
    const { projectId: otherProject } = await alice.caller.project.create({ ...cmd(), name: "Elsewhere" });
    const board = await alice.caller.board.get({ projectId });
    const other = await alice.caller.board.get({ projectId: otherProject });

    const controller = new AbortController();
    const stream = await alice.subscriber(controller.signal).board.changes({ projectId });
    const iterator = stream[Symbol.asyncIterator]();
    const first = nextWithin(iterator);
    // A change in another project must not wake this subscriber; the one in its project must.
    await alice.caller.task.create({ ...cmd(), projectId: otherProject, columnId: other.columns[0]!.id, title: "Not this one" });
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Hello" });
    // A tracked() value: [id, data] — the id is what the client sends back as Last-Event-ID.
    const [id, data] = (await first) as unknown as [string, { position: number }];
    expect(data.position).toBe(created.position);
    expect(id).toBe(String(created.position));
    controller.abort();
  });

  it("catches a reconnecting client up on what it missed", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId, position } = await alice.caller.project.create({ ...cmd(), name: "Resume" });
    const board = await alice.caller.board.get({ projectId });
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Missed" });

    const controller = new AbortController();
    const stream = await alice.subscriber(controller.signal).board.changes({ projectId, lastEventId: String(position) });
    const [, data] = (await nextWithin(stream[Symbol.asyncIterator]())) as unknown as [string, { position: number }];
    expect(data.position).toBe(created.position);
    controller.abort();
  });

  it("keeps a subscription open through the periodic re-check and still delivers later changes", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Long lived" });
    const board = await alice.caller.board.get({ projectId });
    const controller = new AbortController();
    const stream = await alice.subscriber(controller.signal).board.changes({ projectId });
    const iterator = stream[Symbol.asyncIterator]();
    const next = iterator.next();
    // Outlive the re-check interval (3 s): a re-check must wake subscribers, not end them.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Later" });
    const result = await Promise.race([next, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no update")), 5000))]);
    expect(result.done).toBe(false);
    const [, data] = result.value as unknown as [string, { position: number }];
    expect(data.position).toBe(created.position);
    controller.abort();
  });
});
