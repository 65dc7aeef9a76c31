import { projectorStatuses } from "../../projectors";
import { operatorProcedure } from "../operator-procedure";

/** Every projector: checkpoint, lag, leader, parked events and the latest rebuild (operators). */
export const operationsStatus = operatorProcedure.query(({ ctx }) => projectorStatuses(ctx.db));
