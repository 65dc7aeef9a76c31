import { type ChildProcess, spawn } from "node:child_process";
import { chownSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sleep } from "./app-process";
import type { PostgresServer } from "./postgres-server";

/**
 * PgBouncer (Debian's package) in transaction mode in front of a test's PostgreSQL: each transaction gets
 * whichever of a few server connections is free. It reaches PostgreSQL over its unix socket, so the server
 * tells its connections (no client address) from direct ones (127.0.0.1).
 */
export class PgBouncer {
  private child: ChildProcess | null = null;
  output = "";

  constructor(
    private readonly server: PostgresServer,
    readonly port: number,
  ) {}

  url(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(database: string): Promise<void> {
    const dir = this.server.dir;
    const ini = path.join(dir, "pgbouncer.ini");
    const users = path.join(dir, "userlist.txt");
    writeFileSync(users, `"postgres" ""\n`);
    writeFileSync(
      ini,
      [
        "[databases]",
        `${database} = host=${dir} port=${this.server.port} dbname=${database} user=postgres`,
        "[pgbouncer]",
        `listen_addr = 127.0.0.1`,
        `listen_port = ${this.port}`,
        `unix_socket_dir = ${dir}`,
        "auth_type = trust",
        `auth_file = ${users}`,
        "pool_mode = transaction",
        // Fewer server connections than the app's pool has clients: transactions must share them.
        "default_pool_size = 4",
        "max_client_conn = 200",
        "ignore_startup_parameters = extra_float_digits,options",
      ].join("\n"),
    );
    const { uid, gid } = statSync(dir);
    for (const file of [ini, users]) chownSync(file, uid, gid);
    // PgBouncer refuses to run as root: as root it runs as the owner of the folder (the postgres user).
    const asRoot = process.getuid?.() === 0;
    this.child = asRoot ? spawn("runuser", ["-u", "postgres", "--", "/usr/sbin/pgbouncer", ini]) : spawn("/usr/sbin/pgbouncer", [ini]);
    this.child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    for (let i = 0; i < 100 && !this.output.includes("process up"); i++) await sleep(100);
    if (!this.output.includes("process up")) throw new Error(`PgBouncer did not start:\n${this.output}`);
  }

  stop() {
    this.child?.kill("SIGTERM");
  }
}
