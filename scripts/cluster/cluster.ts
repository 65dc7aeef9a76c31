/**
 * A small production deployment on one machine: a PostgreSQL primary and a hot-standby replica (streaming
 * replication), N app instances from one build, and HAProxy in front with health checks. Used by
 * `npm run cluster` (main.ts) and by the fail-over drills (tests/cluster/). Settings and ports: README,
 * "Run it as a cluster".
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { authSecret } from "../auth-secret";
import { appLoginUrl, asAppLogin, ensureDatabase, migrate } from "../db-setup";
import { AppInstance, buildApp } from "./app-instances";
import { Haproxy, serverName } from "./haproxy";
import { PostgresServer, startPrimary, startReplica } from "./postgres";
import { ensureRequirements } from "./requirements";

export interface ClusterOptions {
  /** HAProxy's port; instance i listens on port + i (1…), HAProxy's stats page on port + 9. */
  port: number;
  instances: number;
  /** The primary's port; the replica's is the next one. */
  pgPort: number;
  replica: boolean;
  /** Where the servers keep their data and logs (the primary's data is kept between runs). */
  dataDir: string;
  /** Start from an empty primary. */
  fresh: boolean;
  build: boolean;
  /** The demo history (npm run db:seed), once. */
  seed: boolean;
  /** More environment for the instances (LOG_LEVEL, …). */
  env?: Record<string, string>;
}

export function clusterOptionsFromEnv(env = process.env): ClusterOptions {
  const port = Number(env.CLUSTER_PORT ?? 3150);
  return {
    port,
    instances: Number(env.CLUSTER_INSTANCES ?? 3),
    pgPort: Number(env.CLUSTER_PG_PORT ?? 54350),
    replica: (env.CLUSTER_REPLICA ?? "on") !== "off",
    dataDir: path.resolve(env.CLUSTER_DATA ?? ".data/cluster"),
    fresh: env.CLUSTER_FRESH === "1",
    build: env.CLUSTER_SKIP_BUILD !== "1",
    seed: env.CLUSTER_SEED !== "off",
  };
}

export class Cluster {
  primary: PostgresServer | null = null;
  replica: PostgresServer | null = null;
  instances: AppInstance[] = [];
  haproxy: Haproxy | null = null;
  /** The owner's and the app's URLs of the database on the primary, and the app's on the replica. */
  ownerUrl = "";
  appUrl = "";
  replicaAppUrl: string | null = null;

  constructor(readonly options: ClusterOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get statsUrl(): string {
    return `http://127.0.0.1:${this.options.port + 9}`;
  }

  async start() {
    const { dataDir, pgPort, instances, port } = this.options;
    ensureRequirements();
    if (this.options.fresh) rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });

    console.log(`==> PostgreSQL primary on ${pgPort}`);
    this.primary = await startPrimary(path.join(dataDir, "primary"), pgPort);
    await ensureDatabase(this.primary.url(), "chronoboard");
    this.ownerUrl = this.primary.url("chronoboard");
    migrate(this.ownerUrl);
    this.appUrl = await appLoginUrl(this.ownerUrl);
    if (this.options.seed) seed(this.appUrl);

    if (this.options.replica) {
      console.log(`==> PostgreSQL hot standby on ${pgPort + 1} (pg_basebackup, streaming replication)`);
      this.replica = await startReplica(this.primary, path.join(dataDir, "replica"), pgPort + 1);
      this.replicaAppUrl = asAppLogin(this.replica.url("chronoboard"));
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...this.options.env,
      DATABASE_URL: this.appUrl,
      DATABASE_OWNER_URL: this.ownerUrl,
      BETTER_AUTH_URL: this.url,
      BETTER_AUTH_SECRET: authSecret(),
    };
    if (this.replicaAppUrl) env.DATABASE_REPLICA_URL = this.replicaAppUrl;
    else delete env.DATABASE_REPLICA_URL;
    if (this.options.build) {
      console.log("==> next build");
      buildApp(env);
    }

    console.log(`==> ${instances} app instances on ${port + 1}–${port + instances}`);
    const logDir = path.join(dataDir, "logs");
    mkdirSync(logDir, { recursive: true });
    this.instances = Array.from({ length: instances }, (_, i) => new AppInstance({ name: serverName(i), port: port + 1 + i, logDir, env }));
    for (const instance of this.instances) instance.start();
    await Promise.all(this.instances.map((instance) => instance.waitHealthy()));

    console.log(`==> HAProxy on ${port} (stats on ${port + 9})`);
    this.haproxy = new Haproxy({ dir: dataDir, frontPort: port, statsPort: port + 9, instancePorts: this.instances.map((i) => i.options.port) });
    this.haproxy.start();
    await this.waitFront();
  }

  /** Waits until HAProxy sees every instance up and answers through the front. */
  async waitFront(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const servers = await this.haproxy!.servers().catch(() => new Map());
      const up = [...servers.values()].filter((s) => s.status === "UP").length;
      if (up === this.instances.length) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error("HAProxy did not see every instance up");
  }

  /** Stops everything: HAProxy first (no new requests), the instances, the replica, the primary. */
  async stop() {
    await this.haproxy?.stop().catch(() => {});
    await Promise.all(this.instances.map((instance) => instance.stop().catch(() => {})));
    for (const server of [this.replica, this.primary]) {
      await server?.stop().catch((error: Error) => console.error(`Could not stop the ${server.name}: ${error.message}`));
    }
  }
}

/** The demo history (the seed script leaves a database that has it alone). */
function seed(appUrl: string) {
  const result = spawnSync("npm", ["run", "--silent", "db:seed"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: appUrl } });
  if (result.status !== 0) throw new Error("npm run db:seed failed");
}
