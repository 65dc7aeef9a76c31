import type pg from "pg";
import { newSessionClient } from "../../db";
import { followFeed } from "../../eventstore";
import { logger } from "../../log";
import { catchUp } from "./batch";
import { type LeaderSession, LeadershipLostError } from "./leadership";
import { defaultRetryPolicy, lockName, type Projector, type RetryPolicy } from "./projector";

/**
 * How often a runner catches up without a notification and a standby tries to take over: a holder that
 * dies releases its lock with its connection, so another instance leads within about this long.
 */
const TICK_MS = 1000;

export interface RunnerOptions {
  pool: pg.Pool;
  /** The connection that holds the leadership lock (tests pass their own to cut it). */
  connect?: () => pg.Client;
  retry?: RetryPolicy;
  onError?: (error: unknown) => void;
}

/**
 * Runs one projector in this process while it holds the projector's session advisory lock: every app
 * instance starts a runner, exactly one leads, and the others stand by. The lock lives as long as the
 * leading connection, so a crashed or cut-off instance hands over at once. Batches also take a transaction
 * lock (batch.ts), so even an instance that lost its lock mid-batch never interleaves with the new leader.
 */
export class ProjectorRunner {
  private client: pg.Client | null = null;
  /** The session holding the leadership lock, while this runner leads. */
  private leader: LeaderSession | null = null;

  constructor(
    readonly projector: Projector,
    private readonly options: RunnerOptions,
  ) {}

  get leading(): boolean {
    return this.leader !== null;
  }

  /** Runs until the signal aborts, then gives up the lock. */
  async start(signal: AbortSignal): Promise<void> {
    signal.addEventListener("abort", () => void this.client?.end().catch(() => {}), { once: true });
    const onError = this.options.onError ?? ((err: unknown) => logger.error({ err, projector: this.projector.name }, "projector batch failed"));
    const tick = async () => {
      try {
        if (!this.leader) await this.contend();
        if (this.leader) await catchUp(this.options.pool, this.projector, this.options.retry ?? defaultRetryPolicy, undefined, this.leader);
      } catch (error) {
        if (error instanceof LeadershipLostError) this.abdicate();
        else onError(error);
      }
    };
    await followFeed(tick, { pollMs: TICK_MS, signal });
  }

  /** Stops leading at once: the session that held the lock is gone, so another instance may lead already. */
  private abdicate() {
    const client = this.client;
    this.client = null;
    this.leader = null;
    void client?.end().catch(() => {});
  }

  private async contend(): Promise<void> {
    if (!this.client) {
      // A direct connection (DATABASE_DIRECT_URL): the lock lives as long as this session.
      const client = this.options.connect?.() ?? newSessionClient();
      const lost = () => {
        if (this.client === client) this.abdicate();
      };
      client.on("error", lost);
      client.on("end", lost);
      this.client = client;
      try {
        await client.connect();
      } catch (error) {
        lost();
        throw error;
      }
    }
    const { rows } = await this.client.query<{ locked: boolean; pid: number }>(
      `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked, pg_backend_pid() AS pid`,
      [lockName("leader", this.projector.name)],
    );
    this.leader = rows[0]!.locked ? { pid: rows[0]!.pid } : null;
  }
}
