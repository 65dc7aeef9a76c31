/** The stream moved on since the caller read it: reload, re-decide, retry. */
export class ConcurrencyError extends Error {
  override readonly name = "ConcurrencyError";
  constructor(
    readonly aggregateType: string,
    readonly aggregateId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${aggregateType} ${aggregateId} is at version ${currentVersion}, not ${expectedVersion}: someone else changed it first`,
    );
  }
}

/** An eventId was reused for a different event: a client bug, never a retry. */
export class EventIdConflictError extends Error {
  override readonly name = "EventIdConflictError";
  constructor(readonly eventIds: string[]) {
    super(`Event ids already used by other events: ${eventIds.join(", ")}`);
  }
}

/** A command id sent again by someone else, or for another command: a client error, never a replay. */
export class CommandIdReusedError extends Error {
  override readonly name = "CommandIdReusedError";
  constructor(readonly usedBy: "another user" | "another command") {
    super(`This command id was already used by ${usedBy}: send each new command with a new id`);
  }
}
