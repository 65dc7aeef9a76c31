/**
 * A PostgreSQL primary and a hot-standby replica fed by streaming replication, with Debian's PostgreSQL 15
 * binaries (initdb, pg_ctl, pg_basebackup: the embedded npm package has no pg_basebackup). PostgreSQL refuses
 * to run as root, so as root every binary runs as the `postgres` OS user, which then owns the data folders.
 */
import { execFile, execFileSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

export const PG_BIN = process.env.CLUSTER_PG_BIN ?? "/usr/lib/postgresql/15/bin";

const asRoot = process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** Runs one of PostgreSQL's binaries, as the postgres user when this process is root. */
export function pgBin(binary: string, args: string[], opts: { quiet?: boolean } = {}): string {
  const file = path.join(PG_BIN, binary);
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return execFileSync(command, argv, { stdio: ["ignore", "pipe", opts.quiet ? "pipe" : "inherit"] }).toString();
}

/** pgBin without blocking this process (the drills keep their load running meanwhile). */
async function pgBinAsync(binary: string, args: string[]): Promise<void> {
  const file = path.join(PG_BIN, binary);
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  await promisify(execFile)(command, argv);
}

/** A folder the server's user owns (PostgreSQL wants its data folder 0700 and its own). */
function ownedFolder(dir: string) {
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    if (statSync(dir).uid !== uid) chownSync(dir, uid, gid);
  }
}

export class PostgresServer {
  constructor(
    readonly name: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  /** The owner's URL (trust authentication on loopback, as Debian's initdb --auth=trust sets). */
  url(database = "postgres"): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  get initialised(): boolean {
    return existsSync(path.join(this.dataDir, "PG_VERSION"));
  }

  /** Starts the server and waits until it accepts connections (a standby: until it reached consistency). */
  start() {
    return pgBinAsync("pg_ctl", ["start", "-D", this.dataDir, "-w", "-t", "60", "-l", path.join(this.dataDir, "server.log")]);
  }

  /** Stops it: `fast` ends the sessions and checkpoints; `immediate` is a crash (recovery at the next start). */
  async stop(mode: "fast" | "immediate" = "fast") {
    if (this.running) await pgBinAsync("pg_ctl", ["stop", "-D", this.dataDir, "-m", mode, "-w", "-t", "60"]);
  }

  restart() {
    return pgBinAsync("pg_ctl", ["restart", "-D", this.dataDir, "-m", "fast", "-w", "-t", "60", "-l", path.join(this.dataDir, "server.log")]);
  }

  get running(): boolean {
    try {
      pgBin("pg_ctl", ["status", "-D", this.dataDir], { quiet: true });
      return true;
    } catch {
      return false;
    }
  }

  /** Settings for this server, appended to postgresql.auto.conf (read at start; later lines win). */
  configure(settings: Record<string, string | number>) {
    const lines = Object.entries(settings).map(([key, value]) => `${key} = '${value}'\n`);
    appendFileSync(path.join(this.dataDir, "postgresql.auto.conf"), lines.join(""));
  }
}

/** Settings both servers share: loopback only, the socket in the data folder, WAL for a streaming standby. */
function common(server: PostgresServer): Record<string, string | number> {
  return {
    port: server.port,
    listen_addresses: "127.0.0.1",
    unix_socket_directories: server.dataDir,
    max_connections: 200,
    wal_level: "replica",
    max_wal_senders: 5,
    wal_keep_size: "256MB",
    hot_standby: "on",
    // Queries on the standby are not cancelled by conflicting cleanup on the primary (long exports), at the
    // price of some bloat on the primary while they run.
    hot_standby_feedback: "on",
    shared_buffers: "128MB",
  };
}

/** Creates the primary's data folder (once: it is kept between runs) and starts it. */
export async function startPrimary(dataDir: string, port: number): Promise<PostgresServer> {
  const primary = new PostgresServer("primary", dataDir, port);
  if (!primary.initialised) {
    ownedFolder(dataDir);
    // trust on loopback: the folder and the port are this machine's; replication connections included.
    pgBin("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], { quiet: true });
    primary.configure(common(primary));
  }
  if (!primary.running) await primary.start();
  return primary;
}

/**
 * A hot standby of the primary: a base backup taken with pg_basebackup (-R writes the connection to the
 * primary and standby.signal), started on its own port. A folder left by an earlier run is taken afresh,
 * since the primary may have moved on beyond its WAL.
 */
export async function startReplica(primary: PostgresServer, dataDir: string, port: number): Promise<PostgresServer> {
  const replica = new PostgresServer("replica", dataDir, port);
  await replica.stop("immediate");
  rmSync(dataDir, { recursive: true, force: true });
  ownedFolder(dataDir);
  pgBin("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "-c", "fast"], { quiet: true });
  replica.configure({ ...common(replica), primary_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres application_name=replica` });
  await replica.start();
  return replica;
}
