import { createHash } from "node:crypto";
import { currentEventVersion, decideAll, type Decider, DomainError, DomainEvent } from "../domain";
import { keepState, loadAggregate } from "./aggregate";
import { appendToStream } from "./append";
import type { Db } from "../db";
import { ConcurrencyError } from "./errors";
import { readCausedBy } from "./read";
import type { StoredEvent, StreamId } from "./types";

/** Who asked for a command and under which request: becomes every event's metadata. */
export interface CommandContext {
  userId: string;
  correlationId: string;
  /** Chosen by the client per user action, so a retried request is recognised. */
  commandId: string;
  /**
   * The event an automation reacted to, stored as the events' causationId; without it the command id is.
   * Automation derives its command ids from that event, so a redelivery writes nothing new either.
   */
  causationId?: string;
}

export interface CommandResult {
  version: number;
  /** Global position of the command's last event; null when the command changed nothing. */
  lastPosition: number | null;
  events: StoredEvent[];
  idempotentReplay: boolean;
}

type AnyEvent = { type: string; data: unknown };

/**
 * A UUID derived from a command id and a label: a retry of the same command produces the same event
 * ids (so the append is recognised as a replay) and the same ids for anything the command creates.
 */
export function stableUuid(commandId: string, label: string | number): string {
  const h = createHash("sha256").update(`${commandId}:${label}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Load → decide → append. The append re-checks the version the state was built from, so a write that
 * raced ours makes this one fail with a ConcurrencyError instead of being overwritten. `commands` decides
 * several commands, planned from the loaded state, as one user action whose events commit together.
 */
export async function handleCommand<S, C, E extends AnyEvent>(
  db: Db,
  args: {
    stream: StreamId;
    projectId: string;
    decider: Decider<S, C, E>;
    context: CommandContext;
    /** The version the user saw; when given, a newer stream is a conflict even if decide would accept. */
    expectedVersion?: number;
    /** Only for seeding a past history (see AppendInput.recordedAt). */
    recordedAt?: Date;
  } & ({ command: C } | { commands: (state: S) => C[] }),
): Promise<CommandResult> {
  const { stream, decider, context } = args;
  const loaded = await loadAggregate(db, stream, decider);
  const { state, version } = loaded;

  const earlier = loaded.tail.filter((e) => e.metadata.causationId === context.commandId);
  if (earlier.length > 0) return replayOf(earlier);
  if (args.expectedVersion !== undefined && args.expectedVersion !== version) {
    throw new ConcurrencyError(stream.aggregateType, stream.aggregateId, args.expectedVersion, version);
  }

  let decided: E[];
  try {
    decided = decideAll(decider, "command" in args ? [args.command] : args.commands(state), state);
  } catch (error) {
    const retried = error instanceof DomainError ? await retriedBeforeTail(db, args, loaded.tail.length, version) : null;
    if (retried) return retried;
    throw error;
  }
  if (decided.length === 0) {
    return (await retriedBeforeTail(db, args, loaded.tail.length, version)) ?? { version, lastPosition: null, events: [], idempotentReplay: false };
  }

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
    metadata: { userId: context.userId, correlationId: context.correlationId, causationId: context.causationId ?? context.commandId },
    recordedAt: args.recordedAt,
  });
  if (!result.idempotentReplay) {
    keepState(db, stream, decider, {
      state: decided.reduce(decider.evolve, state),
      version: result.version,
      timestamp: result.events.at(-1)!.timestamp,
      snapshotVersion: loaded.snapshotVersion,
    });
  }
  return { version: result.version, lastPosition: result.lastPosition, events: result.events, idempotentReplay: result.idempotentReplay };
}

function replayOf(earlier: StoredEvent[]): CommandResult {
  const last = earlier[earlier.length - 1]!;
  return { version: last.version, lastPosition: last.position, events: earlier, idempotentReplay: true };
}

/**
 * A retry is found among the events the load read; when the load started from a snapshot, the first
 * attempt may lie before them. Looked up only when decide refused or changed nothing, which is what a
 * retry of an applied command usually meets (a retry that decides events is caught by the append).
 */
async function retriedBeforeTail(
  db: Db,
  args: { stream: StreamId; context: CommandContext },
  tailLength: number,
  version: number,
): Promise<CommandResult | null> {
  if (tailLength === version) return null;
  const earlier = await readCausedBy(db, args.stream, args.context.commandId);
  return earlier.length > 0 ? replayOf(earlier) : null;
}
