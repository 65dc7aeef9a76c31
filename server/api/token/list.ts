import { listApiTokens } from "../../auth";
import { authedProcedure } from "../trpc";

/** The caller's own tokens (never anyone else's), newest first. */
export const listTokens = authedProcedure.query(({ ctx }) => listApiTokens(ctx.user.id));
