import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Applies the migrations to the database at `url`, as its owner. */
export async function migrate(url: string): Promise<void> {
  await run("node_modules/.bin/node-pg-migrate", ["up", "--migrations-dir", "prisma/migrations", "--verbose", "false"], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: url },
  });
}

/**
 * The real app, built (`next build`, which `npm run test:e2e` does before these run) and started with
 * `next start` against the given database settings; everything it prints is kept, so a test can look for
 * what it must never print.
 */
export class AppProcess {
  output = "";
  private constructor(
    private readonly child: ChildProcess,
    readonly base: string,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(port: number, env: Record<string, string>): Promise<AppProcess> {
    if (!existsSync(".next/BUILD_ID")) throw new Error("build the app first (npm run build)");
    const base = `http://127.0.0.1:${port}`;
    const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
      // Its own process group: `next start` runs the server in a child that must stop with it.
      detached: true,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        BETTER_AUTH_SECRET: "chronoboard-connections-test-secret-0123456789",
        BETTER_AUTH_URL: base,
        CHRONOBOARD_AUTH_RATE_LIMIT: "off",
        LOG_LEVEL: "warn",
        DATABASE_DIRECT_URL: "",
        ...env,
      },
    });
    const app = new AppProcess(child, base);
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${base}/sign-in`).then((r) => r.ok, () => false)) return app;
      if (child.exitCode !== null) break;
      await sleep(250);
    }
    app.stop();
    throw new Error(`the app did not start:\n${app.output}`);
  }

  stop() {
    try {
      process.kill(-this.child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A signed-in user talking to the app's tRPC endpoints over HTTP, as the browser does. */
export class ApiClient {
  private cookie = "";

  constructor(readonly base: string) {}

  async signUp(email: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ name: "Connections test", email, password: "connections-test-password" }),
    });
    if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  }

  async mutation<T = unknown>(path: string, input: unknown, timeoutMs = 5000): Promise<T> {
    return this.call<T>(`${this.base}/api/trpc/${path}`, { method: "POST", body: JSON.stringify({ json: input }) }, timeoutMs);
  }

  async query<T = unknown>(path: string, input: unknown, timeoutMs = 5000): Promise<T> {
    return this.call<T>(`${this.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {}, timeoutMs);
  }

  /** One request to the app, signed in, as the app's pages send it; answers the status and the body's text. */
  async send(url: string, init: RequestInit = {}, timeoutMs = 5000): Promise<{ status: number; text: string }> {
    const res = await fetch(url.startsWith("/") ? `${this.base}${url}` : url, {
      ...init,
      headers: { cookie: this.cookie, "content-type": "application/json", origin: this.base },
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  }

  private async call<T>(url: string, init: RequestInit, timeoutMs: number): Promise<T> {
    const { status, text } = await this.send(url, init, timeoutMs);
    if (status >= 300) throw new Error(`${url.split("?")[0]}: ${status} ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
  }

  /** Follows a board's live updates like the board page: reconnects (with the last id) whenever the stream ends. */
  liveStream(projectId: string): LiveStream {
    return new LiveStream(this.base, this.cookie, projectId);
  }
}

export interface LiveMessage {
  at: number;
  data: string;
}

/** `board.changes` over server-sent events; every data message is kept with the time it arrived. */
export class LiveStream {
  readonly messages: LiveMessage[] = [];
  connects = 0;
  private lastEventId: string | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly projectId: string,
  ) {
    void this.follow();
  }

  close() {
    this.abort.abort();
  }

  /** Resolves with the first message (received from now on) that mentions `text`, or null after `timeoutMs`. */
  async waitFor(text: string, timeoutMs: number, since = 0): Promise<LiveMessage | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((m) => m.at >= since && m.data.includes(text));
      if (found || Date.now() > deadline) return found ?? null;
      await sleep(20);
    }
  }

  private async follow() {
    while (!this.abort.signal.aborted) {
      try {
        const input = { json: { projectId: this.projectId, lastEventId: this.lastEventId } };
        const res = await fetch(`${this.base}/api/trpc/board.changes?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers: { cookie: this.cookie, accept: "text/event-stream" },
          signal: this.abort.signal,
        });
        if (!res.ok || !res.body) throw new Error(`board.changes: ${res.status}`);
        this.connects += 1;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += decoder.decode(chunk.value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            this.take(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch {
        // Ended or failed: start again, as the page does.
      }
      await sleep(500);
    }
  }

  private take(block: string) {
    const fields = Object.fromEntries(block.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()]));
    if (fields.event || !fields.data) return;
    if (fields.id) this.lastEventId = fields.id;
    this.messages.push({ at: Date.now(), data: fields.data });
  }
}
