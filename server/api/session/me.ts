import { authedProcedure } from "../trpc";

/**
 * The signed-in user. The least a request can ask of this API: the session lookup and tRPC's own path, no
 * project, no board; the HTTP bench measures it as the floor of what a request costs (BENCHMARKS.md).
 */
export const me = authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email }));
