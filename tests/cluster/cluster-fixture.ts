/**
 * The drills' cluster (scripts/cluster/): a fresh primary and replica in a temporary folder, 3 instances of
 * the app built once (CLUSTER_SKIP_BUILD=1 reuses .next, as after the browser tests), HAProxy in front.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { Cluster, clusterOptionsFromEnv } from "../../scripts/cluster/cluster";
import { lockName } from "../../server/projectors/runner/projector";

export async function startTestCluster(): Promise<Cluster> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chronoboard-drills-"));
  const cluster = new Cluster({
    ...clusterOptionsFromEnv(),
    dataDir,
    fresh: true,
    seed: false,
    env: { LOG_LEVEL: "warn", CHRONOBOARD_AUTH_RATE_LIMIT: "off" },
  });
  try {
    await cluster.start();
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export async function stopTestCluster(cluster: Cluster) {
  await cluster.stop();
  rmSync(cluster.options.dataDir, { recursive: true, force: true });
}

/** Which instance (application_name chronoboard-appN) holds each projector's leader lock, on the primary. */
export async function projectorLeaders(ownerUrl: string): Promise<Map<string, string | null>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; leader: string | null }>(
      `SELECT c.name, (SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted
            AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1 || c.name, 0) LIMIT 1) AS leader
       FROM projection_checkpoints c`,
      [lockName("leader", "")],
    );
    return new Map(rows.map((row) => [row.name, row.leader]));
  } finally {
    await client.end();
  }
}

/** How many times each command id was applied (TaskCreated events caused by it), on the primary. */
export async function appliedCounts(ownerUrl: string, commandIds: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; n: number }>(
      `SELECT metadata->>'causationId' AS id, count(*)::int AS n FROM events
       WHERE event_type = 'TaskCreated' AND metadata->>'causationId' = ANY($1) GROUP BY 1`,
      [commandIds],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    await client.end();
  }
}
