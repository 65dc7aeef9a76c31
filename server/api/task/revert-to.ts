import { z } from "zod";
import { InstantInput } from "../as-of-instant";
import { revertTask } from "./revert";
import { taskCommandProcedure } from "./task-procedure";

/**
 * Restores a task to how it was at an instant, with new events (history is never rewritten). Fails if
 * the task did not exist yet then; answers position null when it already is as it was.
 */
export const revertTaskTo = taskCommandProcedure
  .input(z.object({ asOf: InstantInput, overrideWipLimit: z.boolean().default(false) }))
  .mutation(({ ctx, input }) => revertTask(ctx, input, { until: input.asOf }));
