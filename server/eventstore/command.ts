import { createHash } from "node:crypto";
import { currentEventVersion, decideAll, type Decider, DomainEvent } from "../domain";
import { keepState, loadAggregate } from "./aggregate";
import { appendToStream } from "./append";
import type { Db } from "../db";
import { CommandIdReusedError, ConcurrencyError } from "./errors";
import { storedAttempt } from "./replay";
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
 *
 * A command sent again answers as its first attempt did. Its event ids derive from the command id, so a
 * retry that decides events meets them at the append; a retry that cannot get that far (a stale expected
 * version, a rule its own first attempt now breaks, nothing left to do) looks its first attempt up then.
 * Both go through storedAttempt, and the lookup costs nothing on the way of a command that goes through.
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
  try {
    const result = await decideAndAppend(db, args);
    // A position only when events were appended (or replayed): reading result.events would build them.
    return result.lastPosition !== null ? result : ((await earlierAttempt(db, args)) ?? result);
  } catch (error) {
    // Whatever refused the command (a rule, a stale version, the caller's own planning), a first attempt
    // that went through is the answer; when the lookup cannot be made either, the first failure is.
    const earlier = await earlierAttempt(db, args).catch((lookup: unknown) => {
      if (lookup instanceof CommandIdReusedError) throw lookup;
      return null;
    });
    if (earlier) return earlier;
    throw error;
  }
}

/** The command's result; no events when it decided none. */
async function decideAndAppend<S, C, E extends AnyEvent>(
  db: Db,
  args: Parameters<typeof handleCommand<S, C, E>>[1],
): Promise<CommandResult> {
  const { stream, decider, context } = args;
  const loaded = await loadAggregate(db, stream, decider);
  const { state, version } = loaded;
  if (args.expectedVersion !== undefined && args.expectedVersion !== version) {
    throw new ConcurrencyError(stream.aggregateType, stream.aggregateId, args.expectedVersion, version);
  }
  const decided = decideAll(decider, "command" in args ? [args.command] : args.commands(state), state);
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
    metadata: { userId: context.userId, correlationId: context.correlationId, causationId: context.causationId ?? context.commandId },
    recordedAt: args.recordedAt,
  });
  if (!result.idempotentReplay) {
    keepState(db, stream, decider, {
      state: decided.reduce(decider.evolve, state),
      version: result.version,
      timestamp: result.timestamp,
      snapshotVersion: loaded.snapshotVersion,
    });
  }
  // The append's result as it is: its events are built only if a caller reads them.
  return result;
}

/** What the command's first attempt stored, if it was applied before (see storedAttempt). */
export async function earlierAttempt(
  db: Db,
  args: { stream: StreamId; projectId: string; context: CommandContext },
): Promise<CommandResult | null> {
  const earlier = await storedAttempt(db, {
    ...args.stream,
    projectId: args.projectId,
    firstEventId: stableUuid(args.context.commandId, 0),
    userId: args.context.userId,
  });
  if (!earlier) return null;
  const last = earlier.at(-1)!;
  return { version: last.version, lastPosition: last.position, events: earlier, idempotentReplay: true };
}
