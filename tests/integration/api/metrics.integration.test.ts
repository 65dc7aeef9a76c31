import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { metricsResponse } from "../../../server/api/http/metrics";
import { createApiToken, grantOperator } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { snapshotAggregate, snapshotsPerDay } from "../../../server/eventstore";
import { projectorLag } from "../../../server/projectors/health";
import { catchUp } from "../../../server/projectors/runner/batch";
import { saveCheckpoint } from "../../../server/projectors/runner/checkpoints";
import { type Projector, rebuild, type TableProjector } from "../../../server/projectors";
import { taskDecider } from "../../../server/domain";
import { cmd, signedUpUser } from "../helpers/api";
import { until } from "../helpers/projections";

const pool = getPool();

async function operatorToken() {
  const operator = await signedUpUser("Olga Operator");
  await grantOperator(pool, operator.user.id);
  return { operator, token: (await createApiToken(operator.user.id, "prometheus")).token };
}

const scrape = (headers: Record<string, string> = {}) => metricsResponse(new Request("http://localhost/api/metrics", { headers }));

/** The value of one series in Prometheus' text format (0 when absent: a counter not yet incremented). */
async function value(token: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const response = await scrape({ authorization: `Bearer ${token}` });
  expect(response.status).toBe(200);
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of (await response.text()).split("\n")) {
    const match = line.match(/^([a-z_:]+)(?:\{(.*)\})? (\S+)$/);
    if (!match || match[1] !== name) continue;
    const have = match[2]?.split(",") ?? [];
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(match[3]);
  }
  return 0;
}

describe("GET /api/metrics", () => {
  it("answers 401 without credentials, 404 to a user who is not an operator, metrics to an operator", async () => {
    const user = await signedUpUser("Not an operator");
    const { token } = await operatorToken();
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: "Bearer cbt_not-a-token" })).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${(await createApiToken(user.user.id, "t")).token}` })).status).toBe(404);

    const response = await scrape({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of ["process_cpu_seconds_total", "nodejs_heap_size_used_bytes", "chronoboard_projection_lag_events", "chronoboard_live_clients"]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^chronoboard_projection_lag_events\{projector="task_list"\} \d+$/m);
  });

  it("counts the events appended by type and times the appends", async () => {
    const { operator, token } = await operatorToken();
    const created = await value(token, "chronoboard_events_appended_total", { event_type: "TaskCreated" });
    const renamed = await value(token, "chronoboard_events_appended_total", { event_type: "TaskRenamed" });
    const appends = await value(token, "chronoboard_append_duration_seconds_count");

    const { projectId } = await operator.caller.project.create({ ...cmd(), name: "Metrics" });
    const [todo] = (await operator.caller.board.get({ projectId })).columns;
    for (const title of ["One", "Two", "Three"]) {
      const { taskId } = await operator.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title });
      await operator.caller.task.rename({ ...cmd(), projectId, taskId, title: `${title}, renamed` });
    }

    expect(await value(token, "chronoboard_events_appended_total", { event_type: "TaskCreated" })).toBe(created + 3);
    expect(await value(token, "chronoboard_events_appended_total", { event_type: "TaskRenamed" })).toBe(renamed + 3);
    // The project's creation was one command, each task command another.
    expect(await value(token, "chronoboard_append_duration_seconds_count")).toBe(appends + 1 + 6);
    expect(await value(token, "chronoboard_append_duration_seconds_bucket", { le: "+Inf" })).toBe(appends + 7);
  });

  it("counts a projector's events and handler errors by event type, and its parked events as dead letters", async () => {
    const { operator, token } = await operatorToken();
    const { projectId } = await operator.caller.project.create({ ...cmd(), name: "Failing read model" });
    const [todo] = (await operator.caller.board.get({ projectId })).columns;
    const { taskId } = await operator.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Poison" });
    const failing: Projector = {
      name: `test.metrics.${randomUUID()}`,
      async handle(_tx, event) {
        if (event.aggregateId === taskId) throw new Error("cannot apply");
      },
    };

    const taken = await catchUp(pool, failing, { attempts: 2, backoffMs: 1 });

    const labels = { projector: failing.name };
    expect(await value(token, "chronoboard_projector_events_total", labels)).toBe(taken);
    expect(await value(token, "chronoboard_projector_handler_errors_total", { ...labels, event_type: "TaskCreated" })).toBe(2);
    expect(await value(token, "chronoboard_dead_letters", { ...labels, status: "parked" })).toBe(1);
  });

  it("times a completed read-model rebuild", async () => {
    const { token } = await operatorToken();
    const table = `test_rebuild_${randomUUID().replaceAll("-", "")}`;
    await pool.query(`CREATE TABLE ${table} (event_id uuid PRIMARY KEY)`);
    const projectorOn = (into: string, name: string): TableProjector => ({
      name,
      table: into,
      into: (other, otherName) => projectorOn(other, otherName),
      handle: async () => {},
    });
    const projector = projectorOn(table, `test.rebuild.${table}`);
    await rebuild(pool, projector);
    expect(await value(token, "chronoboard_projection_rebuild_duration_seconds_count", { projector: projector.name })).toBe(1);
    expect(await value(token, "chronoboard_projection_rebuild_duration_seconds_sum", { projector: projector.name })).toBeGreaterThan(0);
  });

  it("counts stored snapshots with their size, and the live clients while they follow a board", async () => {
    const { operator, token } = await operatorToken();
    const { projectId } = await operator.caller.project.create({ ...cmd(), name: "Snapshots" });
    const [todo] = (await operator.caller.board.get({ projectId })).columns;
    const { taskId } = await operator.caller.task.create({ ...cmd(), projectId, columnId: todo!.id, title: "Snap" });
    const before = await value(token, "chronoboard_snapshots_taken_total", { kind: "aggregate" });
    const bytesBefore = await value(token, "chronoboard_snapshot_size_bytes_sum", { kind: "aggregate" });
    const daysBefore = await snapshotsPerDay(pool, 14);
    await snapshotAggregate(pool, { aggregateType: "task", aggregateId: taskId }, taskDecider);
    expect(await value(token, "chronoboard_snapshots_taken_total", { kind: "aggregate" })).toBe(before + 1);
    expect(await value(token, "chronoboard_snapshot_size_bytes_sum", { kind: "aggregate" })).toBeGreaterThan(bytesBefore + 50);
    // The panel's daily counts come from the tables: 14 days ending today (UTC), today's up by at least ours.
    const days = await snapshotsPerDay(pool, 14);
    expect(days.map((d) => d.day)).toEqual(daysBefore.map((d) => d.day));
    expect(days).toHaveLength(14);
    expect(days.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(days.at(-1)!.aggregate).toBeGreaterThanOrEqual(daysBefore.at(-1)!.aggregate + 1);

    const clients = await value(token, "chronoboard_live_clients");
    const controller = new AbortController();
    const stream = await operator.subscriber(controller.signal).board.changes({ projectId });
    const iterator = stream[Symbol.asyncIterator]();
    void iterator.next().catch(() => {});
    await until(async () => (await value(token, "chronoboard_live_clients")) === clients + 1);
    controller.abort();
    await until(async () => (await value(token, "chronoboard_live_clients")) === clients);
  });
});

describe("projectorLag", () => {
  it("is zero at the head of the feed and counts the events committed after the checkpoint, with the oldest one's age", async () => {
    const name = `test.lag.${randomUUID()}`;
    const client = await pool.connect();
    try {
      // In one snapshot: the head as this transaction sees it, the checkpoint there, and the lag from it.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      const { rows } = await client.query<{ transaction_id: string; position: string }>(
        // Qualified: a bare name would sort by the text output column, and "99999" > "100000".
        `SELECT transaction_id::text, position FROM events ORDER BY events.transaction_id DESC, events.position DESC LIMIT 1`,
      );
      await saveCheckpoint(client, name, { transactionId: rows[0]?.transaction_id ?? "0", position: Number(rows[0]?.position ?? 0) });
      expect(await projectorLag(client, [name])).toEqual([{ projector: name, events: 0, seconds: 0 }]);
      await client.query("COMMIT");
    } finally {
      client.release();
    }

    const owner = await signedUpUser("Lagging");
    await owner.caller.project.create({ ...cmd(), name: "Lag" });
    const [lag] = await projectorLag(pool, [name]);
    expect(lag!.events).toBeGreaterThanOrEqual(2);
    expect(lag!.seconds).toBeGreaterThan(0);
    expect(lag!.seconds).toBeLessThan(60);
  });
});
