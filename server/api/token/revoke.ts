import { z } from "zod";
import { revokeApiToken } from "../../auth";
import { notFound } from "../errors";
import { authedProcedure } from "../trpc";

/** Another user's token, an unknown id and a token already revoked all answer NOT_FOUND. */
export const revokeToken = authedProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
  if (!(await revokeApiToken(ctx.user.id, input.id))) throw notFound("Token");
  return { revoked: true };
});
