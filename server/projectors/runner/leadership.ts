import { statementName } from "../../db";
import { lockName, type Tx } from "./projector";

/** The PostgreSQL session (backend process id) that holds a projector's leadership lock for a runner. */
export interface LeaderSession {
  pid: number;
}

/** A runner's leadership session is gone (its connection died, or the server ended it): it leads no more. */
export class LeadershipLostError extends Error {
  override readonly name = "LeadershipLostError";
  constructor(projector: string) {
    super(`${projector}: the session holding the leadership lock is gone`);
  }
}

/**
 * Fails unless the session still holds the projector's leadership lock. A runner learns that its session
 * died when its connection reports it, which a half-open connection may never do: meanwhile the server has
 * released the lock and another instance may lead. Checked inside each batch, after its transaction lock,
 * so a batch commits only while its runner leads.
 */
export async function stillLeading(tx: Tx, projector: string, leader: LeaderSession): Promise<void> {
  const { rows } = await tx.query<{ held: boolean }>({
    name: statementName("chronoboard.still-leading"),
    text: `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted AND pid = $1
       AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($2, 0)) AS held`,
    values: [leader.pid, lockName("leader", projector)],
  });
  if (!rows[0]!.held) throw new LeadershipLostError(projector);
}
