import { TRPCError } from "@trpc/server";
import { isOperator } from "../auth";
import { authedProcedure } from "./trpc";

/** A procedure for the operators of the installation (see server/auth/operators.ts). */
export const operatorProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!(await isOperator(ctx.db, ctx.user.id))) throw new TRPCError({ code: "FORBIDDEN", message: "Only operators may do this" });
  return next();
});
