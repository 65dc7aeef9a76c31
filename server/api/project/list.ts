import { projectsOf } from "../../projections/project-list";
import { authedProcedure } from "../trpc";

export const listProjects = authedProcedure.query(({ ctx }) => projectsOf(ctx.db, ctx.user.id));
