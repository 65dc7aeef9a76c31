import { z } from "zod";
import { Id } from "../../domain";
import { loadTaskAsOf } from "../../board-state";
import { InstantInput, notAfterNow } from "../as-of-instant";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";

/**
 * A task as it was at an instant or at one of its versions (give one of the two), in the shape of a
 * board.get task. `exists: false` when the instant is before the task was created.
 */
export const taskAsOf = projectProcedure(readers)
  .input(
    z
      .object({ taskId: Id, asOf: InstantInput.optional(), version: z.number().int().min(1).optional() })
      .refine((input) => (input.asOf === undefined) !== (input.version === undefined), {
        message: "Give either asOf or version",
        path: ["asOf"],
      }),
  )
  .query(async ({ ctx, input }) => {
    // The current board holds every task of the project, archived ones too: others are not found.
    const latest = ctx.board.taskVersions[input.taskId];
    if (latest === undefined) throw notFound("Task");
    if (input.version !== undefined && input.version > latest) throw notFound("Task version");
    const asOf = input.asOf && notAfterNow(input.asOf);
    const task = await loadTaskAsOf(ctx.db, input.taskId, asOf ? { until: asOf } : { toVersion: input.version! });
    return task ? { asOf: asOf ?? null, exists: true as const, task } : { asOf: asOf ?? null, exists: false as const };
  });
