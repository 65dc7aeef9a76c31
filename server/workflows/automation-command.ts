import { type Decider, DomainError } from "../domain";
import type { Db } from "../db";
import { type CommandResult, handleCommand, type StreamId } from "../eventstore";
import { logger } from "../log";

/** The event an automation reacts to: its id becomes the causation id, its correlation id is kept. */
export interface Cause {
  eventId: string;
  correlationId: string;
}

/**
 * Issues one automated command as `actor`. The command id is derived by the caller from what it reacts to
 * (e.g. rule id + event id), so the event ids are too: a redelivered or replayed event finds its events
 * already stored and writes nothing. A command that no longer applies (a full column, a reviewer who left)
 * is dropped (and logged), as the same request from a person would be refused; null then.
 */
export async function runAutomationCommand<S, C, E extends { type: string; data: unknown }>(
  db: Db,
  args: { stream: StreamId; projectId: string; decider: Decider<S, C, E>; actor: string; commandId: string; cause: Cause } & (
    | { command: C }
    | { commands: (state: S) => C[] }
  ),
): Promise<CommandResult | null> {
  const { actor, commandId, cause, ...rest } = args;
  try {
    return await handleCommand(db, {
      ...rest,
      context: { userId: actor, correlationId: cause.correlationId, commandId, causationId: cause.eventId },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    logger.warn({ actor, eventId: cause.eventId, reason: error.message }, "automation did not act on an event");
    return null;
  }
}

export const causeOf = (event: { eventId: string; metadata: { correlationId: string } }): Cause => ({
  eventId: event.eventId,
  correlationId: event.metadata.correlationId,
});
