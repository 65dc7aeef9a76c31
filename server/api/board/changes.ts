import { tracked } from "@trpc/server";
import { z } from "zod";
import { latestProjectPosition, projectNotifications } from "../../eventstore";
import { trackLiveClient } from "../../metrics/hooks";
import { projectProcedure, readers } from "../project-procedure";

/**
 * Live updates over server-sent events: yields the project's newest position whenever it moves on. The
 * position is the tracked id, so a client that reconnects sends it back (Last-Event-ID) and is told at
 * once if it missed anything while it was away.
 */
export const boardChanges = projectProcedure(readers)
  .input(z.object({ lastEventId: z.string().regex(/^\d+$/).nullish() }))
  .subscription(async function* ({ ctx, input, signal }) {
    const abort = signal ?? new AbortController().signal;
    trackLiveClient(abort);
    let seen = input.lastEventId ? Number(input.lastEventId) : ctx.board.position;
    const changes = await projectNotifications().subscribe(input.projectId, abort);
    const latest = await latestProjectPosition(ctx.db, input.projectId);
    if (latest > seen) {
      seen = latest;
      yield tracked(String(latest), { position: latest });
    }
    for await (const _ of changes) {
      const position = await latestProjectPosition(ctx.db, input.projectId);
      if (position > seen) {
        seen = position;
        yield tracked(String(position), { position });
      }
    }
  });
