import type { StoredEvent } from "../../eventstore";
import { recordHandlerError } from "../../metrics";
import type { Projector, RetryPolicy, Tx } from "./projector";

export interface Failure {
  error: string;
  attempts: number;
}

/**
 * Applies one event, retrying with doubling waits; returns the last failure after the policy's attempts, or
 * null once applied. The waits are inside the caller's transaction: only for callers that must keep it (events
 * an operator released, a rebuild's swap); a live batch waits outside (runBatch).
 */
export async function applyWithRetries(tx: Tx, projector: Projector, event: StoredEvent, policy: RetryPolicy): Promise<Failure | null> {
  let error = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await backOff(policy, attempt);
    const failed = await applyOnce(tx, projector, event);
    if (failed === null) return null;
    error = failed;
  }
  return { error, attempts: policy.attempts };
}

/** The wait before an event's given attempt (the second waits backoffMs, each later one twice the last). */
export function backOff(policy: RetryPolicy, attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, policy.backoffMs * 2 ** (attempt - 2)));
}

/** One attempt at an event, in a savepoint so a failed one leaves nothing behind: null once applied, else why not. */
export async function applyOnce(tx: Tx, projector: Projector, event: StoredEvent): Promise<string | null> {
  await tx.query("SAVEPOINT apply_event");
  try {
    await projector.handle(tx, event);
    await tx.query("RELEASE SAVEPOINT apply_event");
    return null;
  } catch (caught) {
    // If this rollback fails too, the connection is gone: that ends the batch (nothing commits), it is not
    // the event's fault.
    await tx.query("ROLLBACK TO SAVEPOINT apply_event");
    recordHandlerError(projector.name, event.eventType);
    return caught instanceof Error ? caught.message : String(caught);
  }
}

/**
 * Applies the events with the projector's batch handler, in a savepoint; false, with nothing left behind,
 * when the projector has none or it threw (the caller then applies them one by one, which finds the culprit).
 */
export async function applyAsBatch(tx: Tx, projector: Projector, events: StoredEvent[]): Promise<boolean> {
  if (!projector.handleBatch) return false;
  if (events.length === 0) return true;
  await tx.query("SAVEPOINT apply_batch");
  try {
    await projector.handleBatch(tx, events);
    await tx.query("RELEASE SAVEPOINT apply_batch");
    return true;
  } catch {
    await tx.query("ROLLBACK TO SAVEPOINT apply_batch");
    return false;
  }
}
