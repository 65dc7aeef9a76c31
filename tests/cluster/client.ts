/** A signed-in user of the cluster, talking to HAProxy's front door as a browser would (tRPC over HTTP). */
import { randomUUID } from "node:crypto";

export interface Answer<T> {
  ok: boolean;
  status: number;
  data?: T;
  readFrom: string | null;
  /** Why it failed: the HTTP status or the network error. */
  error?: string;
}

export class ApiClient {
  private cookie = "";

  constructor(readonly base: string) {}

  async signUp(name: string) {
    const email = `${name.toLowerCase().replace(/\W/g, "")}-${randomUUID().slice(0, 8)}@drill.test`;
    const res = await fetch(`${this.base}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ email, password: "drill-password-123", name }),
    });
    if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return this;
  }

  private async send<T>(url: string, init: RequestInit): Promise<Answer<T>> {
    try {
      const res = await fetch(url, { ...init, headers: { ...init.headers, cookie: this.cookie, origin: this.base }, signal: AbortSignal.timeout(30_000) });
      const body = (await res.json().catch(() => null)) as { result?: { data?: { json?: T } } } | null;
      const readFrom = res.headers.get("x-read-from");
      return res.ok ? { ok: true, status: res.status, data: body?.result?.data?.json, readFrom } : { ok: false, status: res.status, readFrom, error: `HTTP ${res.status}` };
    } catch (error) {
      return { ok: false, status: 0, readFrom: null, error: (error as Error).cause ? String((error as Error).cause) : (error as Error).message };
    }
  }

  mutation<T>(path: string, input: unknown): Promise<Answer<T>> {
    return this.send<T>(`${this.base}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
  }

  query<T>(path: string, input: unknown): Promise<Answer<T>> {
    return this.send<T>(`${this.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { method: "GET" });
  }
}
