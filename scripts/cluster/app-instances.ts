/**
 * The app's instances: one `next start` each (node_modules/.bin/next directly, so that a signal reaches the
 * server itself), all from one `next build`, each on its own port and with its own log file. Each sets
 * application_name, so pg_stat_activity (and a drill) can tell which instance holds a session.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import path from "node:path";

const nextBin = path.resolve("node_modules", ".bin", "next");

/** `next build`, with the secret the auth module insists on at build time (it is read again at start). */
export function buildApp(env: NodeJS.ProcessEnv) {
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

export interface InstanceOptions {
  name: string;
  port: number;
  logDir: string;
  env: NodeJS.ProcessEnv;
}

export class AppInstance {
  private process: ChildProcess | null = null;

  constructor(readonly options: InstanceOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | null {
    return this.process?.exitCode === null ? (this.process.pid ?? null) : null;
  }

  start() {
    const { name, port, logDir, env } = this.options;
    const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: "a" });
    // detached: a process group of its own, so that Ctrl-C in the terminal reaches only the launcher, which
    // stops the instances in order.
    this.process = spawn(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "120000"], {
      env: { ...env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), PGAPPNAME: `chronoboard-${name}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.process.stdout!.pipe(log);
    this.process.stderr!.pipe(log);
  }

  /** Waits until its health endpoint answers 200 (the database reachable too). */
  async waitHealthy(timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.process?.exitCode !== null) throw new Error(`${this.options.name} exited (see ${this.options.name}.log)`);
      const ok = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.options.name} did not become healthy within ${timeoutMs / 1000} s`);
  }

  /**
   * Loads the API's code before the instance takes traffic (a signed-out call answers 401): on a busy machine
   * a fresh instance's first tRPC request took seconds.
   */
  async warm() {
    await fetch(`${this.url}/api/trpc/project.list`, { signal: AbortSignal.timeout(60_000) }).catch(() => {});
  }

  /** Stops it with the signal (SIGKILL: no chance to close anything) and waits until it has exited. */
  async stop(signal: NodeJS.Signals = "SIGTERM") {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, signal);
    const forced = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(forced);
  }
}
