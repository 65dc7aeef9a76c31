import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { startRebuild } from "../../projectors";
import { projectors } from "../../read-models";
import { operatorProcedure } from "../operator-procedure";
import { notFound } from "../errors";

/** Starts rebuilding a read model in the background; operations.status shows its progress (operators). */
export const rebuildReadModel = operatorProcedure.input(z.object({ name: z.string().max(63) })).mutation(async ({ ctx, input }) => {
  if (!projectors[input.name]) throw notFound("Read model");
  const startedAt = await startRebuild(ctx.db, input.name);
  if (!startedAt) throw new TRPCError({ code: "CONFLICT", message: `A rebuild of ${input.name} is already running` });
  return { startedAt };
});
