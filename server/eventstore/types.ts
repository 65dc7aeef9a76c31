/** What every event carries besides its payload; userId always comes from the session. */
export interface EventMetadata {
  userId: string;
  correlationId: string;
  causationId: string;
}

/** An event a command wants to append, before the store gives it a version and a position. */
export interface NewEvent {
  eventId: string;
  eventType: string;
  eventVersion: number;
  payload: unknown;
}

export interface StreamId {
  aggregateType: string;
  aggregateId: string;
}

/** The stored envelope, exactly as the events table holds it. */
export interface StoredEvent {
  position: number;
  transactionId: string;
  eventId: string;
  eventType: string;
  eventVersion: number;
  aggregateType: string;
  aggregateId: string;
  version: number;
  projectId: string;
  timestamp: Date;
  payload: unknown;
  metadata: EventMetadata;
}

/** 'any' skips the optimistic check; a number is the version the caller last saw (0 = new stream). */
export type ExpectedVersion = number | "any";

export interface AppendResult {
  /** The stream's version after the append (the caller's next expected version). */
  version: number;
  /** The global position of the last event of this command. */
  lastPosition: number;
  /** The command's instant: every event of one append carries it. */
  timestamp: Date;
  /** Built when first read (see appendToStream), from the ids and types of the input as its caller left it. */
  events: StoredEvent[];
  /** True when every event was already stored: a retried command that wrote nothing new. */
  idempotentReplay: boolean;
}
