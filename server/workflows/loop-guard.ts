import { actorOf } from "../domain";
import type { Db } from "../db";
import { readEvents, type StoredEvent } from "../eventstore";

/**
 * How many automated steps may follow one person's action. Rules can feed each other (a move triggers a
 * rule that moves the task on, which triggers another…); the chain is cut here, so two rules that move a
 * task back and forth stop after a few hops instead of running forever.
 */
export const maxAutomationChain = 5;

/** Whether an event is already maxAutomationChain automated steps away from a person's action. */
export async function chainTooLong(db: Db, event: StoredEvent): Promise<boolean> {
  let current = event;
  for (let depth = 0; actorOf(current.metadata.userId).kind !== "user"; depth++) {
    if (depth + 1 >= maxAutomationChain) return true;
    const [cause] = await readEvents(db, [current.metadata.causationId]);
    if (!cause) return false;
    current = cause;
  }
  return false;
}
