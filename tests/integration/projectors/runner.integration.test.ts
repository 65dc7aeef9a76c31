import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { appendToStream } from "../../../server/eventstore";
import { type Projector, ProjectorRunner } from "../../../server/projectors";
import { metadata, newEvent, testPool } from "../helpers/db";
import { freezingProxy } from "../helpers/freezing-proxy";
import { until } from "../helpers/projections";

const pool = testPool();

/** Records which runner applied each event of one project (idempotent by event id, like a real read model). */
async function recordingProjector(projectId: string) {
  const table = `test_applied_${randomUUID().replaceAll("-", "")}`;
  await pool.query(`CREATE TABLE ${table} (event_id uuid PRIMARY KEY, runner text NOT NULL)`);
  const by = (runner: string): Projector => ({
    name: `test.failover.${table}`,
    async handle(tx, event) {
      if (event.projectId !== projectId) return;
      await tx.query(`INSERT INTO ${table} (event_id, runner) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.eventId, runner]);
    },
  });
  const applied = async () => (await pool.query<{ event_id: string; runner: string }>(`SELECT event_id, runner FROM ${table}`)).rows;
  return { by, applied };
}

async function append(projectId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { events } = await appendToStream(pool, { aggregateType: "task", aggregateId: randomUUID(), projectId, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    ids.push(events[0]!.eventId);
  }
  return ids;
}

describe("the projector runner", () => {
  it("runs on exactly one of two instances, and the other takes over within 5 s when the leader's connection dies", async () => {
    const projectId = randomUUID();
    const { by, applied } = await recordingProjector(projectId);
    // Instance A's leadership connection: once cut, A is gone (its process would be).
    const aConnections: pg.Client[] = [];
    let aGone = false;
    const connectA = () => {
      if (aGone) throw new Error("instance A is gone");
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      aConnections.push(client);
      return client;
    };
    const stop = new AbortController();
    const silent = { pool, onError: () => {} };
    const a = new ProjectorRunner(by("A"), { ...silent, connect: connectA });
    const b = new ProjectorRunner(by("B"), silent);
    void a.start(stop.signal);
    await until(() => a.leading);
    void b.start(stop.signal);
    try {
      const first = await append(projectId, 5);
      await until(async () => (await applied()).length === first.length);
      expect(a.leading).toBe(true);
      expect(b.leading).toBe(false);
      expect(new Set((await applied()).map((r) => r.runner))).toEqual(new Set(["A"]));

      aGone = true;
      await aConnections.at(-1)!.end();
      const second = await append(projectId, 5);
      const tookOver = await until(async () => (await applied()).length === first.length + second.length, 5000);
      expect(tookOver).toBeLessThan(5000);
      expect(b.leading).toBe(true);
      expect(a.leading).toBe(false);
      const rows = await applied();
      expect(rows.filter((r) => second.includes(r.event_id)).map((r) => r.runner)).toEqual(["B", "B", "B", "B", "B"]);
    } finally {
      stop.abort();
    }
  });

  it("stops leading at once when its session is gone unannounced (a half-open connection), applying nothing more", async () => {
    const projectId = randomUUID();
    const { by, applied } = await recordingProjector(projectId);
    const proxy = await freezingProxy(process.env.DATABASE_URL!);
    const stop = new AbortController();
    const silent = { pool, onError: () => {} };
    // Once cut off, A cannot reach the server again either (its network is gone).
    let cutOff = false;
    const connectA = () => {
      if (cutOff) throw new Error("instance A is cut off");
      return new pg.Client({ connectionString: proxy.url });
    };
    const a = new ProjectorRunner(by("A"), { ...silent, connect: connectA });
    void a.start(stop.signal);
    try {
      await until(() => a.leading);
      const first = await append(projectId, 2);
      await until(async () => (await applied()).length === first.length);

      // A's session ends on the server (its lock with it), and A hears nothing of it.
      proxy.freeze();
      cutOff = true;
      const lockName = `chronoboard.projector.leader:${by("A").name}`;
      const { rowCount } = await pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
           AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
        [lockName],
      );
      expect(rowCount).toBe(1);
      const second = await append(projectId, 3);
      // A has been woken by these appends and its timer; it must not apply them as a leader it no longer is.
      await until(() => !a.leading, 5000);
      expect((await applied()).filter((r) => second.includes(r.event_id))).toEqual([]);

      const b = new ProjectorRunner(by("B"), silent);
      void b.start(stop.signal);
      await until(async () => (await applied()).length === first.length + second.length);
      const rows = await applied();
      expect(rows.filter((r) => second.includes(r.event_id)).map((r) => r.runner)).toEqual(["B", "B", "B"]);
    } finally {
      stop.abort();
      proxy.close();
    }
  });
});
