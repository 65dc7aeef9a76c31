import { tracked } from "@trpc/server";
import { z } from "zod";
import { projectNotifications } from "../../eventstore";
import { trackLiveClient } from "../../metrics/hooks";
import { type LoadedBoard, loadBoard } from "../../projections/board";
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
      if ((await iterator.next()).done) return;
      next = await loadBoard(ctx.db, input.projectId);
    }
  });

/** Compared by stream versions, not by the highest position: a late commit may not raise that. */
function changed(before: LoadedBoard, after: LoadedBoard): boolean {
  if (after.projectVersion !== before.projectVersion) return true;
  return Object.keys(after.taskVersions).some((id) => after.taskVersions[id] !== before.taskVersions[id]);
}
