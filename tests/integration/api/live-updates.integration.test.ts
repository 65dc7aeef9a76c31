import { describe, expect, it } from "vitest";
import { applyBoardPatch } from "../../../components/board/board-patch";
import type { BoardPatch, BoardResync } from "../../../server/api/board/patch";
import { cmd, signedUpUser } from "../helpers/api";

/** A tracked() value arrives as [id, data]; the id is what the client sends back as Last-Event-ID. */
type Change = [string, BoardPatch | BoardResync];

type Alice = Awaited<ReturnType<typeof signedUpUser>>;

/** The board as a page draws it once the read model has the given write (its lag is the page's business). */
async function drawnBoard(user: Alice, projectId: string, position?: number | null) {
  const { lag: _lag, ...board } = await user.caller.board.get({ projectId, position: position ?? undefined });
  return board;
}

function patchOf([, data]: Change): BoardPatch {
  if (data.kind !== "patch") throw new Error(`expected a patch, got ${data.kind}`);
  return data;
}

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
    const board = await drawnBoard(alice, projectId);
    const other = await drawnBoard(alice, otherProject);

    const controller = new AbortController();
    const stream = await alice.subscriber(controller.signal).board.changes({ projectId });
    const iterator = stream[Symbol.asyncIterator]();
    const first = nextWithin(iterator);
    // A change in another project must not wake this subscriber; the one in its project must.
    await alice.caller.task.create({ ...cmd(), projectId: otherProject, columnId: other.columns[0]!.id, title: "Not this one" });
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Hello" });
    const change = (await first) as unknown as Change;
    const patch = patchOf(change);
    expect(change[0]).toBe(String(created.position));
    expect(patch).toMatchObject({ basePosition: board.position, position: created.position, changedTaskIds: [created.taskId] });
    expect(patch.tasks.map((t) => t.title)).toEqual(["Hello"]);
    expect(applyBoardPatch(board, patch)).toEqual(await drawnBoard(alice, projectId, created.position));
    controller.abort();
  });

  it("sends patches that turn the drawn board into the board now: moves, edits, archiving, columns", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Patched" });
    const start = await alice.caller.board.get({ projectId });
    const [todo, doing] = start.columns;
    const a = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "A" });
    const b = await alice.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "B" });
    let drawn = await drawnBoard(alice, projectId, b.position);

    const controller = new AbortController();
    const iterator = (await alice.subscriber(controller.signal).board.changes({ projectId }))[Symbol.asyncIterator]();
    const steps = [
      () => alice.caller.task.move({ ...cmd(), projectId, taskId: b.taskId, expectedVersion: 1, toColumnId: doing!.id, afterTaskId: null, overrideWipLimit: false }),
      () => alice.caller.task.rename({ ...cmd(), projectId, taskId: a.taskId, expectedVersion: 1, title: "A, renamed" }),
      () => alice.caller.task.archive({ ...cmd(), projectId, taskId: a.taskId, expectedVersion: 2 }),
      () => alice.caller.column.rename({ ...cmd(), projectId, columnId: doing!.id, name: "Doing" }),
    ];
    for (const step of steps) {
      const { position } = await step();
      const patch = patchOf((await nextWithin(iterator)) as unknown as Change);
      const patched = applyBoardPatch(drawn, patch);
      const now = await drawnBoard(alice, projectId, position);
      expect(patched).toEqual(now);
      drawn = now;
    }
    controller.abort();
  });

  it("gives every browser on a board the change, though they share one load of it", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Watched" });
    const board = await drawnBoard(alice, projectId);
    const controller = new AbortController();
    const iterators = await Promise.all(
      [1, 2, 3].map(async () => (await alice.subscriber(controller.signal).board.changes({ projectId }))[Symbol.asyncIterator]()),
    );
    const next = iterators.map((iterator) => nextWithin(iterator));
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Seen by all" });
    const patches = ((await Promise.all(next)) as unknown as Change[]).map(patchOf);
    for (const patch of patches) {
      expect(patch).toMatchObject({ basePosition: board.position, position: created.position, changedTaskIds: [created.taskId] });
    }
    // A second change right after: each subscriber gets it on top of the first, none is left behind.
    const renamed = await alice.caller.task.rename({ ...cmd(), projectId, taskId: created.taskId, title: "Renamed" });
    const again = ((await Promise.all(iterators.map((iterator) => nextWithin(iterator)))) as unknown as Change[]).map(patchOf);
    for (const patch of again) expect(patch).toMatchObject({ basePosition: created.position, position: renamed.position });
    controller.abort();
  });

  it("tells a reconnecting client to refetch, since what it missed is not known", async () => {
    const alice = await signedUpUser("Alice");
    const { projectId, position } = await alice.caller.project.create({ ...cmd(), name: "Resume" });
    const board = await alice.caller.board.get({ projectId });
    const created = await alice.caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Missed" });

    const controller = new AbortController();
    const stream = await alice.subscriber(controller.signal).board.changes({ projectId, lastEventId: String(position) });
    const [, data] = (await nextWithin(stream[Symbol.asyncIterator]())) as unknown as Change;
    expect(data).toEqual({ kind: "resync", position: created.position });
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
    expect(patchOf(result.value as unknown as Change).position).toBe(created.position);
    controller.abort();
  });
});
