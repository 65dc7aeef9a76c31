/**
 * HAProxy (Debian's package) in front of the app instances: round robin, a health check on /api/health
 * every 500 ms, and its runtime API on a Unix socket, through which an instance is drained and taken out
 * before it is stopped (a rolling restart) and put back once it answers again.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const HAPROXY = process.env.CLUSTER_HAPROXY ?? "/usr/sbin/haproxy";

export interface HaproxyOptions {
  dir: string;
  frontPort: number;
  statsPort: number;
  instancePorts: number[];
}

export const serverName = (index: number) => `app${index + 1}`;

function config({ dir, frontPort, statsPort, instancePorts }: HaproxyOptions): string {
  return `global
  maxconn 2000
  stats socket ${path.join(dir, "haproxy.sock")} mode 600 level admin

defaults
  mode http
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # Live updates are server-sent events: a long-lived response, kept alive by the app's pings.
  timeout tunnel 1h
  # A request that could not reach an instance (a dead one, not yet marked down) goes to another.
  retries 2
  retry-on conn-failure
  option redispatch
  # A new connection per request to the instances: a request sent on a kept-alive connection to an instance
  # that has just died cannot be retried elsewhere (it may have been received), one refused at connect can.
  http-reuse never

frontend web
  bind 127.0.0.1:${frontPort}
  # The app counts sign-in attempts per client address from the first X-Forwarded-For entry.
  option forwardfor
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /api/health
  http-check expect status 200
  timeout check 2s
  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2
${instancePorts.map((port, i) => `  server ${serverName(i)} 127.0.0.1:${port} check`).join("\n")}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /
  stats refresh 2s
`;
}

export class Haproxy {
  private process: ChildProcess | null = null;

  constructor(readonly options: HaproxyOptions) {}

  get socket(): string {
    return path.join(this.options.dir, "haproxy.sock");
  }

  start() {
    const file = path.join(this.options.dir, "haproxy.cfg");
    writeFileSync(file, config(this.options));
    // -db: stay in the foreground, so that this process owns it and stops it.
    this.process = spawn(HAPROXY, ["-db", "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
    this.process.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (/\[(ALERT|EMERG)\]/.test(text)) process.stderr.write(`haproxy: ${text}`);
    });
  }

  /** One command of HAProxy's runtime API; its answer. */
  command(line: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.createConnection(this.socket);
      let answer = "";
      socket.on("connect", () => socket.write(`${line}\n`));
      socket.on("data", (chunk) => (answer += chunk.toString()));
      socket.on("end", () => resolve(answer));
      socket.on("error", reject);
    });
  }

  /** Each instance's state as HAProxy sees it: status (UP, DOWN, DRAIN, MAINT…) and current sessions. */
  async servers(): Promise<Map<string, { status: string; sessions: number }>> {
    const csv = await this.command("show stat");
    const [header, ...rows] = csv.replace(/^# /, "").trim().split("\n");
    const columns = header!.split(",");
    const at = (name: string) => columns.indexOf(name);
    const result = new Map<string, { status: string; sessions: number }>();
    for (const row of rows.map((line) => line.split(","))) {
      if (row[at("pxname")] !== "app" || row[at("svname")] === "BACKEND" || row[at("svname")] === "FRONTEND") continue;
      result.set(row[at("svname")]!, { status: row[at("status")]!, sessions: Number(row[at("scur")]) });
    }
    return result;
  }

  /** Sends no new requests to the instance; those under way finish. */
  drain(name: string) {
    return this.command(`set server app/${name} state drain`);
  }

  /** Takes it out altogether (no health checks either) until ready() puts it back. */
  maintenance(name: string) {
    return this.command(`set server app/${name} state maint`);
  }

  ready(name: string) {
    return this.command(`set server app/${name} state ready`);
  }

  async stop() {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}
