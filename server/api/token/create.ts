import { z } from "zod";
import { createApiToken } from "../../auth";
import { authedProcedure } from "../trpc";

const TokenName = z.string().trim().min(1, "Give the token a name").max(100, "Token name is longer than 100 characters");

/** A personal token for the read-only HTTP API; the plain token is in this answer only (only its hash is kept). */
export const createToken = authedProcedure
  .input(z.object({ name: TokenName }))
  .mutation(({ ctx, input }) => createApiToken(ctx.user.id, input.name));
