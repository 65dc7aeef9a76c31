import { createHash } from "node:crypto";
import type { Decider } from "../domain/decider";
import { currentEventVersion, DomainEvent } from "../domain/events";
import { appendToStream } from "./append";
import type { Db } from "./db";
import { ConcurrencyError } from "./errors";
import { readStream } from "./read";
import type { StoredEvent, StreamId } from "./types";

/** Who asked for a command and under which request: becomes every event's metadata. */
export interface CommandContext {
  userId: string;
  correlationId: string;
  /** Chosen by the client per user action, so a retried request is recognised. */
  commandId: string;
}

export interface CommandResult {
  version: number;
  /** Global position of the command's last event; null when the command changed nothing. */
  lastPosition: number | null;
  events: StoredEvent[];
  idempotentReplay: boolean;
}

type AnyEvent = { type: string; data: unknown };

/** The domain view of a stored event. */
export function toDomainEvent<E extends AnyEvent>(event: StoredEvent): E {
  return { type: event.eventType, data: event.payload } as E;
}

/**
 * A UUID derived from a command id and a label: a retry of the same command produces the same event
 * ids (so the append is recognised as a replay) and the same ids for anything the command creates.
 */
export function stableUuid(commandId: string, label: string | number): string {
  const h = createHash("sha256").update(`${commandId}:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function loadAggregate<S, E extends AnyEvent>(db: Db, stream: StreamId, decider: Decider<S, unknown, E>) {
  const stored = await readStream(db, stream);
  const state = stored.reduce((s, e) => decider.evolve(s, toDomainEvent<E>(e)), decider.initialState());
  return { state, version: stored.length, stored };
}

/**
 * Load → decide → append. The append re-checks the version the state was built from, so a write that
 * raced ours makes this one fail with a ConcurrencyError instead of being overwritten.
 */
export async function handleCommand<S, C, E extends AnyEvent>(
  db: Db,
  args: {
    stream: StreamId;
    projectId: string;
    decider: Decider<S, C, E>;
    command: C;
    context: CommandContext;
    /** The version the user saw; when given, a newer stream is a conflict even if decide would accept. */
    expectedVersion?: number;
    /** Only for seeding a past history (see AppendInput.recordedAt). */
    recordedAt?: Date;
  },
): Promise<CommandResult> {
  const { stream, decider, context } = args;
  const { state, version, stored } = await loadAggregate(db, stream, decider as Decider<S, unknown, E>);

  const earlier = stored.filter((e) => e.metadata.causationId === context.commandId);
  if (earlier.length > 0) {
    const last = earlier[earlier.length - 1]!;
    return { version: last.version, lastPosition: last.position, events: earlier, idempotentReplay: true };
  }
  if (args.expectedVersion !== undefined && args.expectedVersion !== version) {
    throw new ConcurrencyError(stream.aggregateType, stream.aggregateId, args.expectedVersion, version);
  }

  const decided = decider.decide(args.command, state);
  if (decided.length === 0) return { version, lastPosition: null, events: [], idempotentReplay: false };

  const events = decided.map((event, i) => {
    const checked = DomainEvent.parse(event);
    return {
      eventId: stableUuid(context.commandId, i),
      eventType: checked.type,
      eventVersion: currentEventVersion[checked.type],
      payload: checked.data,
    };
  });
  const result = await appendToStream(db, {
    ...stream,
    projectId: args.projectId,
    expectedVersion: version,
    events,
    metadata: { userId: context.userId, correlationId: context.correlationId, causationId: context.commandId },
    recordedAt: args.recordedAt,
  });
  return { version: result.version, lastPosition: result.lastPosition, events: result.events, idempotentReplay: result.idempotentReplay };
}
