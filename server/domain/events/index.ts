import { z } from "zod";
import { ProjectEvent, projectEventSchemas } from "./project-events";
import { ReviewSagaEvent, reviewSagaEventSchemas } from "./review-saga-events";
import { TaskEvent, taskEventSchemas } from "./task-events";

export { ProjectEvent, ReviewSagaEvent, TaskEvent };

export const DomainEvent = z.discriminatedUnion("type", [...projectEventSchemas, ...taskEventSchemas, ...reviewSagaEventSchemas]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type EventType = DomainEvent["type"];

export type AggregateType = "project" | "task" | "review_saga";

const catalogue = [
  ...projectEventSchemas.map((s) => ({ schema: s, aggregateType: "project" as const })),
  ...taskEventSchemas.map((s) => ({ schema: s, aggregateType: "task" as const })),
  ...reviewSagaEventSchemas.map((s) => ({ schema: s, aggregateType: "review_saga" as const })),
];

/** The payload schema version each event type is written with today. */
export const currentEventVersion = Object.fromEntries(
  catalogue.map(({ schema }) => [schema.eventType, schema.eventVersion]),
) as Record<EventType, number>;

/** Which aggregate each event type belongs to. */
export const aggregateTypeOf = Object.fromEntries(
  catalogue.map(({ schema, aggregateType }) => [schema.eventType, aggregateType]),
) as Record<EventType, AggregateType>;
