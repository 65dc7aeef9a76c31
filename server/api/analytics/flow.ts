import { z } from "zod";
import { bucketMs, loadFlow, sampleCount } from "../../board-state";
import { InstantInput, notAfterNow } from "../as-of-instant";
import { projectProcedure, readers } from "../project-procedure";

/** Enough for a year by day or two months by hour; a chart with more points than that shows nothing more. */
export const MAX_SAMPLES = 1000;

const input = z
  .object({
    from: InstantInput,
    to: InstantInput,
    /** What is known: the log up to this instant (default and anything later: now). */
    asOf: InstantInput.optional(),
    bucket: z.enum(Object.keys(bucketMs) as [keyof typeof bucketMs]).default("day"),
  })
  .refine(({ from, to }) => from < to, { message: "The range must end after it starts", path: ["to"] })
  .refine(({ from, to, bucket }) => sampleCount(from, to, bucket) <= MAX_SAMPLES, {
    message: `At most ${MAX_SAMPLES} samples: choose a shorter range or a longer bucket`,
    path: ["bucket"],
  });

/** Cumulative flow, lead and cycle times, weekly throughput and time in column of a project, for any reader. */
export const flowAnalytics = projectProcedure(readers)
  .input(input)
  .query(async ({ ctx, input: { projectId, from, to, asOf, bucket } }) => ({
    project: { id: projectId, name: ctx.board.project.name },
    ...(await loadFlow(ctx.db, projectId, { from, to, asOf: notAfterNow(asOf ?? new Date()), bucket })),
  }));
