/**
 * npm run cluster: starts the cluster (cluster.ts), prints its URL and stops all of it on Ctrl-C.
 * Settings by environment: CLUSTER_INSTANCES, CLUSTER_PORT, CLUSTER_PG_PORT, CLUSTER_REPLICA=off,
 * CLUSTER_DATA, CLUSTER_FRESH=1, CLUSTER_SKIP_BUILD=1, CLUSTER_SEED=off (README, "Run it as a cluster").
 */
import { Cluster, clusterOptionsFromEnv } from "./cluster";

const cluster = new Cluster(clusterOptionsFromEnv());
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("\n==> Stopping the cluster");
  await cluster.stop();
  process.exit(code);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  await cluster.start();
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}
const { options } = cluster;
console.log("");
console.log(`Chronoboard (cluster) is running at ${cluster.url}`);
console.log(`  ${options.instances} app instances on 127.0.0.1:${options.port + 1}–${options.port + options.instances}, HAProxy stats at ${cluster.statsUrl}`);
console.log(`  PostgreSQL primary 127.0.0.1:${options.pgPort}${cluster.replica ? `, hot standby 127.0.0.1:${options.pgPort + 1} (history reads)` : " (no replica)"}`);
console.log(`  data and logs in ${options.dataDir}`);
console.log("Demo users: see README (password: chronoboard-demo)");
console.log("Press Ctrl-C to stop.");
