import type { StoredEvent } from "../../eventstore";
import { recordHandlerError } from "../../metrics";
import type { Projector, RetryPolicy, Tx } from "./projector";

export interface Failure {
  error: string;
  attempts: number;
}

/**
 * Applies one event, retrying with doubling waits; returns the last failure after the policy's attempts, or
 * null once applied. Each attempt runs in a savepoint so a failed one leaves nothing behind in the batch.
 */
export async function applyWithRetries(tx: Tx, projector: Projector, event: StoredEvent, policy: RetryPolicy): Promise<Failure | null> {
  let error = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, policy.backoffMs * 2 ** (attempt - 2)));
    await tx.query("SAVEPOINT apply_event");
    try {
      await projector.handle(tx, event);
      await tx.query("RELEASE SAVEPOINT apply_event");
      return null;
    } catch (caught) {
      // If this rollback fails too, the connection is gone: that ends the batch (nothing commits), it is not
      // the event's fault.
      await tx.query("ROLLBACK TO SAVEPOINT apply_event");
      error = caught instanceof Error ? caught.message : String(caught);
      recordHandlerError(projector.name, event.eventType);
    }
  }
  return { error, attempts: policy.attempts };
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
