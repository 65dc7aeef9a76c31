import { currentEventVersion, DomainEvent, type EventType } from "../index";
import { taskCreatedV1 } from "./task-created-v1";
import { taskMovedV1 } from "./task-moved-v1";
import type { UpcastContext, Upcaster } from "./upcaster";

/** Every upcaster, keyed by (event type, version it reads). Add one whenever a defineEvent version goes up. */
const registry = new Map<string, Upcaster>(
  [taskCreatedV1, taskMovedV1].map((upcaster) => [key(upcaster.eventType, upcaster.fromVersion), upcaster]),
);

function key(eventType: string, version: number): string {
  return `${eventType}@${version}`;
}

// A missing link would only show when an old event is read; check the chains when the module loads.
for (const [type, current] of Object.entries(currentEventVersion)) {
  for (let version = 1; version < current; version++) {
    if (!registry.has(key(type, version))) throw new Error(`No upcaster for ${type} v${version} → v${version + 1}`);
  }
}

/** What upcasting reads of a stored event: its type, payload version and payload, and its envelope. */
export type StoredPayload = UpcastContext & { eventType: string; eventVersion: number; payload: unknown };

/**
 * The domain event a stored event means today: its payload is carried up the chain v1 → v2 → … to the
 * version the domain writes now. The stored event itself is never changed. An unknown type or a version
 * newer than this code throws rather than being guessed at.
 */
export function upcast(stored: StoredPayload): DomainEvent {
  const current = currentEventVersion[stored.eventType as EventType];
  if (current === undefined) throw new Error(`Unknown event type ${stored.eventType}`);
  if (stored.eventVersion > current) {
    throw new Error(`${stored.eventType} v${stored.eventVersion} is newer than this code (v${current})`);
  }
  if (stored.eventVersion === current) return { type: stored.eventType, data: stored.payload } as DomainEvent;
  let data = stored.payload;
  for (let version = stored.eventVersion; version < current; version++) {
    const upcaster = registry.get(key(stored.eventType, version))!;
    data = upcaster.up(upcaster.schema.parse(data), stored);
  }
  // Events of the current version were checked when they were written; an upcast one is checked here.
  return DomainEvent.parse({ type: stored.eventType, data });
}
