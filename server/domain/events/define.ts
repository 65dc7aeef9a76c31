import { z } from "zod";

/**
 * Defines one event type once: its name, the schema version of its payload and
 * the payload's zod schema. The TypeScript type is inferred from the schema.
 */
export function defineEvent<const T extends string, S extends z.ZodRawShape>(
  type: T,
  eventVersion: number,
  data: S,
) {
  const schema = z.object({ type: z.literal(type), data: z.object(data).strict() });
  return Object.assign(schema, { eventType: type, eventVersion });
}
