import { z } from "zod";

/** A read's optional "at least as new as": the position a command of the caller answered with. */
export const readPosition = z.object({ position: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional() });
