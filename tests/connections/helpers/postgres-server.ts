import { execFile, execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { migrate } from "./app-process";
import { sql } from "./board-load";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL server of the test's own (Debian's binaries), in a temp folder, which the test may restart
 * and kill: the shared server must never be. PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` OS user. Its unix socket lives in the same folder (PgBouncer reaches it there).
 */
export class PostgresServer {
  readonly dir = mkdtempSync(path.join(tmpdir(), "chronoboard-pg-"));
  private readonly data = path.join(this.dir, "data");

  constructor(readonly port: number) {}

  url(database = "postgres"): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    if (process.getuid?.() === 0) chownSync(this.dir, idOf("-u"), idOf("-g"));
    await this.pg(`${BIN}/initdb`, ["-D", this.data, "-U", "postgres", "-A", "trust", "--no-sync", "--no-locale", "-E", "UTF8"]);
    await this.ctl("start", ["-l", path.join(this.dir, "server.log"), "-o", this.options()]);
  }

  /** Creates a database with the app's migrations applied; returns its URL. */
  async createDatabase(name: string): Promise<string> {
    await sql(this.url(), `CREATE DATABASE ${name}`);
    await migrate(this.url(name));
    return this.url(name);
  }

  /** `pg_ctl restart -m fast|immediate`, waiting until the server accepts connections again. */
  async restart(mode: "fast" | "immediate"): Promise<void> {
    await this.ctl("restart", ["-m", mode, "-l", path.join(this.dir, "server.log"), "-o", this.options()]);
  }

  /** Stops the server (fast shutdown), keeping its data for `resume`. */
  async halt(): Promise<void> {
    await this.ctl("stop", ["-m", "fast"]);
  }

  async resume(): Promise<void> {
    await this.ctl("start", ["-l", path.join(this.dir, "server.log"), "-o", this.options()]);
  }

  async stop(): Promise<void> {
    await this.ctl("stop", ["-m", "immediate"]).catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }

  private options(): string {
    return `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  }

  private ctl(action: string, args: string[]) {
    return this.pg(`${BIN}/pg_ctl`, [action, "-D", this.data, "-w", "-t", "60", ...args]);
  }

  private pg(binary: string, args: string[]) {
    // The tests pin LANG to en-US, which is no locale PostgreSQL knows.
    const options = { env: { ...process.env, LANG: "C", LC_ALL: "C" } };
    const asRoot = process.getuid?.() === 0;
    return asRoot ? run("runuser", ["-u", "postgres", "--", binary, ...args], options) : run(binary, args, options);
  }
}

/** The `postgres` OS user's uid (-u) or gid (-g). */
function idOf(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"]).toString());
}
