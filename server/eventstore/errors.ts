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
