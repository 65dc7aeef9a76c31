import { z } from "zod";
import { openDeadLetters } from "../../projectors";
import { operatorProcedure } from "../operator-procedure";
import { decide, decisionInput } from "../projections/decide-dead-letter";

/** Every project's parked and held events (operators). */
export const allDeadLetters = operatorProcedure.query(({ ctx }) => openDeadLetters(ctx.db, null));

const operatorDecision = decisionInput.extend({ projectId: z.uuid() });

/** An operator's retry or skip of any project's parked event, recorded in that project's log. */
export const operatorRetryDeadLetter = operatorProcedure.input(operatorDecision).mutation(({ ctx, input }) => decide(ctx, input, "retry"));
export const operatorSkipDeadLetter = operatorProcedure.input(operatorDecision).mutation(({ ctx, input }) => decide(ctx, input, "skip"));
