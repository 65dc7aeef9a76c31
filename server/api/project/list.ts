import { projectsOf } from "../../read-models";
import { authedProcedure } from "../trpc";

export const listProjects = authedProcedure.query(({ ctx }) => projectsOf(ctx.db, ctx.user.id));
