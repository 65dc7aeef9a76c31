import { type Actor, actorOf, evolveTask, type FieldChange, initialTaskState, type TaskEvent, taskChanges } from "../domain";
import type { Db } from "../db";
import { commandInstants, readEvents, readStream, type StoredEvent, toDomainEvent } from "../eventstore";

/**
 * What caused a change: a user's command (metadata.causationId is the command id the client chose), or
 * an automation reacting to an earlier event (then the causation id is that event's id).
 */
export type ChangeCause =
  | { kind: "user"; commandId: string }
  | { kind: "automation"; eventId: string; eventType: string; aggregateType: string; aggregateId: string; actor: Actor };

export interface TaskChange {
  eventId: string;
  type: TaskEvent["type"];
  /** The task's version after this change. */
  version: number;
  /** The payload schema version the event was stored with (its data is shown upcast to today's). */
  storedVersion: number;
  position: number;
  /** When the change counts as made: its command's instant (what "as of" goes by). */
  timestamp: Date;
  userId: string;
  correlationId: string;
  cause: ChangeCause;
  /** The fields this event touched, each before → after (before is null while the task did not exist). */
  changes: FieldChange[];
}

/** A task's timeline, oldest first: every event folded in turn, and what it changed. */
export async function taskHistory(db: Db, taskId: string): Promise<TaskChange[]> {
  const events = await readStream(db, { aggregateType: "task", aggregateId: taskId });
  const causes = new Map((await readEvents(db, events.map((e) => e.metadata.causationId))).map((e) => [e.eventId, e]));
  const instants = commandInstants(events);
  let state = initialTaskState();
  return events.map((event, i) => {
    const before = state;
    const domainEvent = toDomainEvent<TaskEvent>(event);
    state = evolveTask(state, domainEvent);
    return {
      eventId: event.eventId,
      type: event.eventType as TaskEvent["type"],
      version: event.version,
      storedVersion: event.eventVersion,
      position: event.position,
      timestamp: instants[i]!,
      userId: event.metadata.userId,
      correlationId: event.metadata.correlationId,
      cause: causeOf(event, causes),
      changes: taskChanges(before, state, domainEvent),
    };
  });
}

function causeOf(event: StoredEvent, causes: Map<string, StoredEvent>): ChangeCause {
  const { causationId } = event.metadata;
  const cause = causes.get(causationId);
  if (!cause) return { kind: "user", commandId: causationId };
  const { eventId, eventType, aggregateType, aggregateId } = cause;
  return { kind: "automation", eventId, eventType, aggregateType, aggregateId, actor: actorOf(event.metadata.userId) };
}
