import { upcast } from "../domain";
import type { StoredEvent } from "./types";

/** The domain view of a stored event: its payload upcast to the version the domain reads today. */
export function toDomainEvent<E extends { type: string; data: unknown }>(event: StoredEvent): E {
  return upcast(event) as E;
}
