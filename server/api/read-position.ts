import { z } from "zod";
import { Position } from "../domain";

/** A read's optional "at least as new as": the position a command of the caller answered with. */
export const readPosition = z.object({ position: Position.max(Number.MAX_SAFE_INTEGER).optional() });
