/**
 * Fail-over drills on a real cluster (scripts/cluster/: PostgreSQL primary + streaming hot standby, 3 app
 * instances, HAProxy), each under a writer load through HAProxy. Figures are printed as "drill:" lines and go
 * to BENCHMARKS.md.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cluster } from "../../scripts/cluster/cluster";
import { appendToStream, FEED_START, readFeed } from "../../server/eventstore";
import { serverName } from "../../scripts/cluster/haproxy";
import { ApiClient } from "./client";
import { appliedCounts, projectorLeaders, startTestCluster, stopTestCluster } from "./cluster-fixture";
import { startReaders, startWriters, type WriterLoad } from "./load";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRITERS = 4;

let cluster: Cluster;
let client: ApiClient;
let projectId: string;
let columnId: string;

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await pause(100);
  }
  return Date.now() - started;
}

/** Every acknowledged command applied exactly once, and no command (acknowledged or not) applied twice. */
async function expectExactlyOnce(load: WriterLoad) {
  const counts = await appliedCounts(cluster.ownerUrl, load.sent);
  expect(load.acknowledged.filter((id) => counts.get(id) !== 1)).toEqual([]);
  expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
}

function report(drill: string, figures: Record<string, unknown>) {
  console.log(`drill: ${drill}: ${JSON.stringify(figures)}`);
}

beforeAll(async () => {
  cluster = await startTestCluster();
  client = await new ApiClient(cluster.url).signUp("Drill Writer");
  const project = await client.mutation<{ projectId: string }>("project.create", { commandId: crypto.randomUUID(), name: "Drills" });
  projectId = project.data!.projectId;
  const board = await client.query<{ columns: { id: string }[] }>("board.get", { projectId });
  columnId = board.data!.columns[0]!.id;
}, 600_000);

afterAll(async () => {
  if (cluster) await stopTestCluster(cluster);
}, 120_000);

describe("the ordered feed on the hot standby", () => {
  it("keeps the primary's snapshot rule: nothing below the standby's pg_snapshot_xmin can still commit", async () => {
    const primary = new pg.Pool({ connectionString: cluster.ownerUrl, max: 3 });
    const replica = new pg.Pool({ connectionString: cluster.replica!.url("chronoboard"), max: 2 });
    const replayed = async () => {
      const { rows } = await primary.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
      await until(async () => (await replica.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [rows[0]!.lsn])).rows[0].ok, 10_000, "replayed");
    };
    const append = (db: pg.Pool | pg.PoolClient) =>
      appendToStream(db, {
        // A project of their own: these events are not a real task's and must not reach the drills' board.
        aggregateType: "task", aggregateId: randomUUID(), projectId: feedProject, expectedVersion: 0,
        events: [{ eventId: randomUUID(), eventType: "TaskCreated", eventVersion: 1, payload: { title: "feed" } }],
        metadata: { userId: "drill", correlationId: randomUUID(), causationId: randomUUID() },
      });
    const feedProject = randomUUID();
    const feedIds = async (db: pg.Pool) => (await readFeed(db, FEED_START, 100_000)).map((e) => e.eventId);
    try {
      // A transaction takes its id (which writes no WAL yet) and stays open; a later one appends and commits.
      const early = await primary.connect();
      await early.query("BEGIN");
      const earlyXid = (await early.query<{ xid: string }>(`SELECT pg_current_xact_id()::text AS xid`)).rows[0]!.xid;
      const late = await append(primary);
      await replayed();
      // The standby has the late event, yet counts the early transaction as running and keeps its xmin below it.
      expect((await replica.query(`SELECT count(*)::int AS n FROM events WHERE event_id = $1`, [late.events[0]!.eventId])).rows[0].n).toBe(1);
      const xmin = (await replica.query<{ xmin: string }>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)).rows[0]!.xmin;
      expect(BigInt(xmin)).toBeLessThanOrEqual(BigInt(earlyXid));
      expect(await feedIds(replica)).not.toContain(late.events[0]!.eventId);

      // The early transaction commits last; the feed on both servers puts it first, identically.
      const first = await append(early);
      await early.query("COMMIT");
      early.release();
      await replayed();
      const onReplica = await feedIds(replica);
      expect(onReplica.indexOf(first.events[0]!.eventId)).toBeLessThan(onReplica.indexOf(late.events[0]!.eventId));
      expect(onReplica.indexOf(first.events[0]!.eventId)).toBeGreaterThanOrEqual(0);
      expect(onReplica).toEqual(await feedIds(primary));
    } finally {
      await Promise.all([primary.end(), replica.end()]);
    }
  });
});

describe("cluster drills", () => {
  it("reads history from the replica, waiting for the reader's own write, else from the primary", async () => {
    const created = await client.mutation<{ taskId: string; lsn: string }>("task.create", { projectId, commandId: crypto.randomUUID(), columnId, title: "Mine" });
    expect(created.data!.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    const history = await client.query<unknown[]>("task.history", { projectId, taskId: created.data!.taskId, lsn: created.data!.lsn });
    expect(history.readFrom).toBe("replica");
    expect(history.data).toHaveLength(1);
    // A position the replica cannot reach within the bound: the primary answers, and says so.
    const started = Date.now();
    const ahead = await client.query<unknown[]>("task.history", { projectId, taskId: created.data!.taskId, lsn: "FFFFFFFF/0" });
    expect(ahead.readFrom).toBe("primary");
    expect(ahead.data).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("kill -9 of the instance leading the projectors: nothing acknowledged is lost or applied twice, only in-flight requests fail, leadership moves in under 5 s", async () => {
    const leaders = await projectorLeaders(cluster.ownerUrl);
    const victimName = [...leaders.values()][0]!.replace("chronoboard-", "");
    const victim = cluster.instances.find((i) => i.options.name === victimName)!;
    const led = [...leaders].filter(([, leader]) => leader === `chronoboard-${victimName}`).map(([name]) => name);

    const load = startWriters(client, projectId, columnId, WRITERS);
    await pause(2000);
    await victim.stop("SIGKILL");
    // The instance is gone once its process has exited: a request sent before then may have reached it.
    const diedAt = Date.now();
    const moved = await until(async () => {
      const now = await projectorLeaders(cluster.ownerUrl);
      return led.every((name) => now.get(name) && now.get(name) !== `chronoboard-${victimName}`);
    }, 10_000, "projector leadership moved");
    await pause(3000);
    await load.stop();

    report("kill -9", { victim: victimName, projectorsMoved: led.length, leadershipMovedMs: moved, requests: load.requests, acknowledged: load.acknowledged.length, failed: load.failures.length, failures: load.failures.map((f) => f.error) });
    expect(moved).toBeLessThan(5000);
    // Only requests under way when the instance died may fail (one per writer at most).
    expect(load.failures.every((f) => f.startedAt <= diedAt)).toBe(true);
    expect(load.failures.length).toBeLessThanOrEqual(WRITERS);
    await expectExactlyOnce(load);

    victim.start();
    await victim.waitHealthy();
    await cluster.waitFront();
  });

  it("stop the replica: history reads fall back to the primary without errors; start it: they return to it", async () => {
    const writers = startWriters(client, projectId, columnId, WRITERS);
    const readers = startReaders(client, projectId);
    await pause(1500);
    await cluster.replica!.stop("fast");
    const stoppedAt = Date.now();
    // Down long enough for each reader to have read a few times (a read takes seconds on a loaded machine).
    await until(async () => readers.reads.filter((r) => r.startedAt > stoppedAt).length >= 4, 30_000, "reads while the replica is down");
    const startedAt = Date.now();
    await cluster.replica!.start();
    const back = await until(async () => readers.reads.some((r) => r.at > Date.now() - 300 && r.readFrom === "replica"), 20_000, "reads back on the replica");
    await pause(1000);
    await Promise.all([writers.stop(), readers.stop()]);

    const during = readers.reads.filter((r) => r.startedAt > stoppedAt && r.at < startedAt);
    const errors = readers.reads.filter((r) => !r.ok);
    report("replica stopped", { reads: readers.reads.length, readErrors: errors.length, readsWhileStopped: during.length, fromPrimaryWhileStopped: during.filter((r) => r.readFrom === "primary").length, backOnReplicaMs: back, writes: writers.acknowledged.length, writeFailures: writers.failures.length });
    expect(errors).toEqual([]);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((r) => r.readFrom === "primary")).toBe(true);
    expect(readers.reads.filter((r) => r.at < stoppedAt).some((r) => r.readFrom === "replica")).toBe(true);
    expect(writers.failures).toEqual([]);
    await expectExactlyOnce(writers);
  });

  it("rolling restart of all instances, each drained in HAProxy first: zero failed requests", async () => {
    const haproxy = cluster.haproxy!;
    const writers = startWriters(client, projectId, columnId, WRITERS);
    const readers = startReaders(client, projectId);
    await pause(1000);
    const started = Date.now();
    for (const [i, instance] of cluster.instances.entries()) {
      const name = serverName(i);
      await haproxy.drain(name);
      await until(async () => (await haproxy.servers()).get(name)!.sessions === 0, 15_000, `${name} drained`);
      await haproxy.maintenance(name);
      await instance.stop("SIGTERM");
      instance.start();
      await instance.waitHealthy();
      await instance.warm();
      await haproxy.ready(name);
      await until(async () => (await haproxy.servers()).get(name)!.status === "UP", 15_000, `${name} up again (${JSON.stringify([...(await haproxy.servers())])})`);
    }
    const tookMs = Date.now() - started;
    await pause(1000);
    await Promise.all([writers.stop(), readers.stop()]);

    const readErrors = readers.reads.filter((r) => !r.ok);
    report("rolling restart", { tookMs, requests: writers.requests + readers.reads.length, writes: writers.acknowledged.length, failedWrites: writers.failures.length, reads: readers.reads.length, failedReads: readErrors.length });
    expect(writers.failures).toEqual([]);
    expect(readErrors).toEqual([]);
    await expectExactlyOnce(writers);
  });
  it("restart the primary: the cluster recovers without restarting any app instance", async () => {
    const pids = cluster.instances.map((i) => i.pid);
    const load = startWriters(client, projectId, columnId, WRITERS);
    await pause(1500);
    const restartedAt = Date.now();
    await cluster.primary!.restart();
    const upAt = Date.now();
    const acknowledgedBefore = load.acknowledged.length;
    const recovered = await until(async () => load.acknowledged.length > acknowledgedBefore + WRITERS, 30_000, "writes acknowledged again");
    await cluster.waitFront(30_000);
    const leadersBack = await until(async () => [...(await projectorLeaders(cluster.ownerUrl)).values()].every(Boolean), 15_000, "every projector led again");
    await pause(1500);
    await load.stop();

    report("primary restart", { restartMs: upAt - restartedAt, recoveredMs: recovered, leadersBackMs: leadersBack, requests: load.requests, acknowledged: load.acknowledged.length, failed: load.failures.length, failureKinds: [...new Set(load.failures.map((f) => f.error))] });
    expect(cluster.instances.map((i) => i.pid)).toEqual(pids);
    // Requests in flight may fail, but as "try again" (503) or a lost connection, never as a fault of ours.
    expect(load.failures.map((f) => f.error)).not.toContain("HTTP 500");
    await expectExactlyOnce(load);
  });

});
