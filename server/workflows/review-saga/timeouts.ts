import type pg from "pg";
import { type Db, statementName } from "../../db";
import type { StoredEvent } from "../../eventstore";
import type { Tx } from "../../projectors";

export interface SagaTimeout {
  sagaId: string;
  round: number;
  projectId: string;
  taskId: string;
  scheduledBy: string;
  correlationId: string;
}

/** Sets a round's time limit, in the orchestrator's batch (so with its checkpoint); a repeat changes nothing. */
export async function scheduleTimeout(tx: Tx, started: StoredEvent, timeout: { taskId: string; round: number; dueAt: string }) {
  await tx.query(
    `INSERT INTO saga_timeouts (saga_id, round, project_id, task_id, due_at, scheduled_by, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (saga_id, round) DO NOTHING`,
    [started.aggregateId, timeout.round, started.projectId, timeout.taskId, timeout.dueAt, started.eventId, started.metadata.correlationId],
  );
}

/** The round ended before its limit: the limit no longer fires. */
export async function cancelTimeout(tx: Tx, sagaId: string, round: number) {
  await tx.query(`UPDATE saga_timeouts SET status = 'cancelled' WHERE saga_id = $1 AND round = $2 AND status = 'scheduled'`, [sagaId, round]);
}

/**
 * Fires the limits that are due, each once: rows are taken with FOR UPDATE SKIP LOCKED, so instances never
 * take the same one, and marked fired in the same transaction. If that transaction is lost after `fire`
 * appended, the row fires again and `fire`'s derived command id makes the second time write nothing.
 * Returns how many fired.
 */
export async function fireDueTimeouts(pool: pg.Pool, fire: (db: Db, timeout: SagaTimeout) => Promise<void>, limit = 20): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ saga_id: string; round: number; project_id: string; task_id: string; scheduled_by: string; correlation_id: string }>({
      // Named: asked after every write the saga sees, planning it cost more than running it.
      name: statementName("chronoboard.due-saga-timeouts"),
      text: `SELECT saga_id, round, project_id, task_id, scheduled_by, correlation_id FROM saga_timeouts
       WHERE status = 'scheduled' AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      values: [limit],
    });
    for (const row of rows) {
      await fire(pool, {
        sagaId: row.saga_id,
        round: row.round,
        projectId: row.project_id,
        taskId: row.task_id,
        scheduledBy: row.scheduled_by,
        correlationId: row.correlation_id,
      });
      await client.query(`UPDATE saga_timeouts SET status = 'fired', fired_at = now() WHERE saga_id = $1 AND round = $2`, [row.saga_id, row.round]);
    }
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
