import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readCausedBy, readStream } from "../../eventstore";
import { earlierAttempt } from "../../eventstore/command";
import { commandAnswer, commandContext } from "../command-context";
import { revertTask } from "./revert";
import { taskCommandProcedure } from "./task-procedure";

/**
 * Undoes the task's last change (all events of the last command) with new events that bring it back to
 * the version before. The undo is itself a change, so undoing again redoes. Without expectedVersion it
 * undoes the change the server sees as last; with it, a newer change makes it fail with CONFLICT.
 */
export const undoLastChange = taskCommandProcedure
  .input(z.object({ overrideWipLimit: z.boolean().default(false) }))
  .mutation(async ({ ctx, input }) => {
    const stream = { aggregateType: "task", aggregateId: input.taskId };
    // A retry of this very undo answers as it did, whatever changed since (undoing again would redo).
    const earlier = await earlierAttempt(ctx.db, { stream, projectId: input.projectId, context: commandContext(ctx, input) });
    if (earlier) return commandAnswer(earlier);
    const latest = ctx.board.taskVersion(input.taskId)!;
    const [last] = await readStream(ctx.db, stream, { fromVersion: latest, toVersion: latest });
    const [first] = await readCausedBy(ctx.db, stream, last!.metadata.causationId);
    if (first!.version === 1) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "Creating the task cannot be undone; archive it instead" });
    }
    return revertTask(ctx, { ...input, expectedVersion: input.expectedVersion ?? latest }, { toVersion: first!.version - 1 });
  });
