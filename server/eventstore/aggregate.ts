import type { Decider } from "../domain";
import { inBackground } from "./background";
import type { Db } from "../db";
import { toDomainEvent } from "./domain-event";
import { readStream } from "./read";
import { snapshotPolicy, stateCache } from "./snapshot-policy";
import { type AggregateTarget, readFromSnapshot, saveSnapshot } from "./snapshots";
import type { StoredEvent, StreamId } from "./types";

type Folds<S, E> = Pick<Decider<S, never, E>, "evolve" | "initialState" | "stateSchemaVersion">;

/** An aggregate's state after the event at `version` (version 0: the initial state). */
export interface AggregateState<S> {
  state: S;
  version: number;
  /** When the event at `version` was stored; null at version 0. */
  timestamp: Date | null;
  /** The version of the newest stored snapshot known when the state was built (0: none). */
  snapshotVersion: number;
}

export interface LoadedAggregate<S> extends AggregateState<S> {
  /** The events folded onto the cached state or snapshot the load started from. */
  tail: StoredEvent[];
}

/**
 * An aggregate's state at a target (default: its newest): the newest usable state at or before the
 * target — from this process's cache, else the newest stored snapshot — plus the events after it.
 */
export async function loadAggregate<S, E extends { type: string; data: unknown }>(
  db: Db,
  stream: StreamId,
  decider: Folds<S, E>,
  target: AggregateTarget = {},
): Promise<LoadedAggregate<S>> {
  const { base, tail } = await startAndTail(db, stream, decider, target);
  const last = tail.at(-1);
  const loaded: LoadedAggregate<S> = {
    state: tail.reduce((state, event) => decider.evolve(state, toDomainEvent<E>(event)), base.state),
    version: last?.version ?? base.version,
    timestamp: last?.timestamp ?? base.timestamp,
    snapshotVersion: base.snapshotVersion,
    tail,
  };
  const latest = target.toVersion === undefined && target.until === undefined;
  return latest ? { ...loaded, snapshotVersion: keepState(db, stream, decider, loaded) } : loaded;
}

/**
 * Remembers an aggregate's newest state in the process cache and, once `snapshotPolicy.aggregateEvery`
 * events have passed since the last snapshot, stores one after the response. Returns the version of
 * the newest snapshot from now on.
 */
export function keepState<S>(db: Db, stream: StreamId, decider: Folds<S, never>, current: AggregateState<S>): number {
  const { state, version, timestamp } = current;
  const due = version - current.snapshotVersion >= snapshotPolicy.aggregateEvery;
  const kept: AggregateState<S> = { state, version, timestamp, snapshotVersion: due ? version : current.snapshotVersion };
  stateCache().set(cacheKey(stream, decider), kept, JSON.stringify(state).length);
  if (due) {
    inBackground(`Snapshot of ${stream.aggregateType} ${stream.aggregateId}`, () =>
      saveSnapshot(db, stream, decider.stateSchemaVersion, { version, state }),
    );
  }
  return kept.snapshotVersion;
}

/** Stores a snapshot of the aggregate's newest state now, whatever the policy (on demand). */
export async function snapshotAggregate<S, E extends { type: string; data: unknown }>(db: Db, stream: StreamId, decider: Folds<S, E>) {
  const { state, version } = await loadAggregate(db, stream, decider);
  if (version > 0) await saveSnapshot(db, stream, decider.stateSchemaVersion, { version, state });
}

function cacheKey(stream: StreamId, decider: { stateSchemaVersion: number }): string {
  return `aggregate:${stream.aggregateType}:${stream.aggregateId}:${decider.stateSchemaVersion}`;
}

function cachedState<S>(stream: StreamId, decider: Folds<S, never>, target: AggregateTarget): AggregateState<S> | null {
  const cached = stateCache().get(cacheKey(stream, decider)) as AggregateState<S> | undefined;
  if (!cached) return null;
  if (target.toVersion !== undefined && cached.version > target.toVersion) return null;
  if (target.until !== undefined && cached.timestamp !== null && cached.timestamp > target.until) return null;
  return cached;
}

/** Where a load starts (a cached state, else the newest snapshot, else the initial state) and the events after it. */
async function startAndTail<S>(db: Db, stream: StreamId, decider: Folds<S, never>, target: AggregateTarget) {
  const cached = cachedState(stream, decider, target);
  if (cached) {
    const tail = await readStream(db, stream, { fromVersion: cached.version + 1, toVersion: target.toVersion, until: target.until });
    return { base: cached, tail };
  }
  const { snapshot, tail } = await readFromSnapshot<S>(db, stream, decider.stateSchemaVersion, target);
  const base: AggregateState<S> = snapshot
    ? { ...snapshot, snapshotVersion: snapshot.version }
    : { state: decider.initialState(), version: 0, timestamp: null, snapshotVersion: 0 };
  return { base, tail };
}
