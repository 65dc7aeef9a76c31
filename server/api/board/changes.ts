import { tracked } from "@trpc/server";
import { z } from "zod";
import { type Db, isConnectionLost } from "../../db";
import { projectNotifications } from "../../eventstore";
import { trackLiveClient } from "../../metrics";
import { loadBoard, type LoadedBoard } from "../../board-state";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";
import { type BoardResync, boardPatch } from "./patch";

/**
 * Live updates over server-sent events: whenever the project's board changes, what changed (see boardPatch).
 * A client that reconnects sends its last tracked id back (Last-Event-ID) and is told to refetch: what it
 * missed meanwhile is not known, since a transaction may commit after one with a higher position.
 */
export const boardChanges = projectProcedure(readers)
  .input(z.object({ lastEventId: z.string().regex(/^\d+$/).max(20).nullish() }))
  .subscription(async function* ({ ctx, input, signal }) {
    const abort = signal ?? new AbortController().signal;
    trackLiveClient(abort);
    const changes = await projectNotifications().subscribe(input.projectId, abort);
    // Loaded after subscribing, so nothing that commits in between is missed.
    let next = await loadBoard(ctx.db, input.projectId);
    let shown = ctx.board;
    if (input.lastEventId) {
      yield tracked<BoardResync>(String(next.position), { kind: "resync", position: next.position });
      shown = next;
    }
    const iterator = changes[Symbol.asyncIterator]();
    for (;;) {
      if (changed(shown, next)) {
        const role = next.members[ctx.user.id];
        // A member removed or demoted below reading while watching stops receiving the board.
        if (!role || !readers.includes(role)) throw notFound();
        yield tracked(String(next.position), await boardPatch(ctx.db, shown, next, role));
        shown = next;
      }
      const wake = await iterator.next();
      if (wake.done) return;
      try {
        next = await boardAfter(ctx.db, input.projectId, wake.value);
      } catch (error) {
        // PostgreSQL is away (a restart): the stream stays open and the next wake-up reads again (the LISTEN
        // connection wakes every stream when it is back), rather than ending every browser's stream at once.
        if (!isConnectionLost(error)) throw error;
      }
    }
  });

/**
 * Every browser on a board is woken by the same announcement, and each would fold the same board: the first
 * to ask loads it, the others woken by that announcement share the load (it began after they were woken, so
 * it holds what they were woken for). One load per change and instance, however many people watch.
 */
const loads = new Map<string, { wake: number; board: Promise<LoadedBoard> }>();

function boardAfter(db: Db, projectId: string, wake: number): Promise<LoadedBoard> {
  const current = loads.get(projectId);
  if (current && current.wake === wake) return current.board;
  const board = loadBoard(db, projectId);
  const entry = { wake, board };
  loads.set(projectId, entry);
  const forget = () => void (loads.get(projectId) === entry && loads.delete(projectId));
  board.then(forget, forget);
  return board;
}

/** Compared by stream versions, not by the highest position: a late commit may not raise that. */
function changed(before: LoadedBoard, after: LoadedBoard): boolean {
  if (after.projectVersion !== before.projectVersion) return true;
  return Object.keys(after.taskVersions).some((id) => after.taskVersions[id] !== before.taskVersions[id]);
}
