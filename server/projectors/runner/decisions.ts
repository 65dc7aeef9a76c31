import type pg from "pg";
import { DomainError, projectDecider } from "../../domain";
import { type CommandContext, type CommandResult, earlierAttempt, handleCommand } from "../../eventstore";

export interface DeadLetterDecision {
  projectId: string;
  projector: string;
  eventId: string;
  action: "retry" | "skip";
  reason: string;
}

/**
 * An operator's retry or skip of a parked event: recorded as an event on the project's stream (who, when,
 * why), then applied to the dead letter, which the runner picks up at its next batch. The letter's row stays
 * locked meanwhile, so two operators cannot both decide; if the row update is lost after the append, the
 * same request (command id) again finds its event and completes. Returns null for an event that is not a
 * dead letter of this project.
 */
export async function decideDeadLetter(pool: pg.Pool, decision: DeadLetterDecision, context: CommandContext): Promise<CommandResult | null> {
  const { projectId, projector, eventId, action, reason } = decision;
  const stream = { aggregateType: "project", aggregateId: projectId };
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ status: string }>(
      `SELECT status FROM dead_letters WHERE projector = $1 AND event_id = $2 AND project_id = $3 FOR UPDATE`,
      [projector, eventId, projectId],
    );
    const status = rows[0]?.status;
    let result: CommandResult | null = null;
    if (status === "parked") {
      result = await handleCommand(pool, {
        stream,
        projectId,
        decider: projectDecider,
        command: { type: action === "retry" ? "RetryDeadLetter" : "SkipDeadLetter", projectId, projector, eventId, reason },
        context,
      });
      await client.query(`UPDATE dead_letters SET status = $3 WHERE projector = $1 AND event_id = $2`, [
        projector,
        eventId,
        action === "retry" ? "retrying" : "skipped",
      ]);
    } else if (status) {
      // A retried request whose first attempt went through answers as it did then.
      result = await earlierAttempt(client, { stream, projectId, context });
      if (!result) throw new DomainError(`This event is not parked (it is ${status})`);
    }
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
