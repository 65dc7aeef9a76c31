import { openDeadLetters } from "../../projectors";
import { managers, projectProcedure } from "../project-procedure";

/** The project's events that a read model parked or holds behind a parked one (owners and admins). */
export const deadLetters = projectProcedure(managers).query(({ ctx, input }) => openDeadLetters(ctx.db, input.projectId));
