import type { z } from "zod";

/** What an upcaster may use besides the payload: facts of the stored envelope. */
export type UpcastContext = { timestamp: Date };

/**
 * Turns the payload of one event type from one schema version into the next. `schema` is the old
 * payload's schema, kept here because the domain no longer writes it: the stored payload is checked
 * against it before `up` runs, so an old event is never misread.
 */
export type Upcaster<S extends z.ZodType = z.ZodType> = {
  eventType: string;
  fromVersion: number;
  schema: S;
  up(data: z.output<S>, context: UpcastContext): unknown;
};
