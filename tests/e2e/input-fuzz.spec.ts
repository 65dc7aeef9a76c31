import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import pg from "pg";
import { expect, freshAccount, test } from "./fixtures";

/*
 * Malformed, oversized, deeply nested and out-of-range input to every tRPC procedure (listed from the router
 * itself, so a new one is covered without a change here) and every HTTP route of the built server: each must
 * be answered with a 4xx and a message that tells the client what is wrong (and nothing of the server's
 * insides), and no event may be written.
 */

interface Procedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  hasInput: boolean;
  fields: string[];
  dateFields: string[];
}

/** A message that speaks of the server's insides rather than of the request. */
const INTERNAL = /timestamp out of range|call stack|ECONNREFUSED|node_modules|at [\w.]+ \(|Prisma|PostgreSQL|syntax error at|invalid input syntax|Cannot read prop/i;

const nested = (depth: number, inner = "0") => "[".repeat(depth) + inner + "]".repeat(depth);

type Payload = [name: string, text: string];

/**
 * Raw request bodies (or `input` parameters) that are wrong whatever the procedure, in kinds. Every procedure
 * gets each kind (the meta tricks twice), its variant taken in turn, so that every variant reaches many
 * procedures and the whole run stays short.
 */
function transportPayloads(projectId: string, get: boolean): { kind: Payload[]; take: number }[] {
  const base = { projectId, commandId: randomUUID() };
  const json = (value: unknown) => JSON.stringify(value);
  const meta = (values: unknown) => json({ json: base, meta: { values, v: 1 } });
  return [
    { take: 1, kind: [["cut-off JSON", `{"json": {"projectId": `], ["not JSON at all", "projectId=1"]] },
    {
      take: 1,
      kind: [
        // The URL of a GET has room for less (a server refuses request lines over 16 KB).
        ["arrays nested 10,000 deep", `{"json":${nested(get ? 1500 : 10_000)}}`],
        ["a field nested deep", `{"json":{"projectId":"${projectId}","title":${nested(get ? 1500 : 5000, '"x"')}}}`],
        ["objects nested deep", `{"json":${'{"a":'.repeat(get ? 1000 : 5000)}1${"}".repeat(get ? 1000 : 5000)}}`],
      ],
    },
    {
      take: 2,
      kind: [
        ["meta path through __proto__", meta({ "__proto__.polluted": ["Date"] })],
        ["meta path through constructor.prototype", meta({ "constructor.prototype.polluted": ["undefined"] })],
        ["meta custom type", meta({ projectId: [["custom", "Evil"]] })],
        ["meta class type", meta({ projectId: [["class", "Object"]] })],
        ["meta symbol type", meta({ projectId: [["symbol", "x"]] })],
        ["meta unknown type", meta({ projectId: ["Nonsense"] })],
        ["meta values a string", json({ json: base, meta: { values: "x" } })],
        ["meta values a number", json({ json: base, meta: { values: 42 } })],
        ["meta annotation off its value", meta({ "a.b.c": ["Date"] })],
        ["meta referential equality through __proto__", json({ json: { ...base, a: {} }, meta: { referentialEqualities: { a: ["__proto__"] }, v: 1 } })],
        ["meta unknown member", json({ json: base, meta: { extra: true } })],
      ],
    },
    { take: 1, kind: [["not superjson: a number", "42"], ["not superjson: an array", "[]"], ["not superjson: null", "null"]] },
    {
      take: 1,
      kind: [
        ["NUL in a string", json({ json: { ...base, title: "a\u0000b" } })],
        ["NUL in a key", json({ json: { ...base, "a\u0000b": "x" } })],
        ["a lone surrogate", json({ json: { ...base, title: "x\ud800" } })],
      ],
    },
  ];
}

/** Instants a procedure's date fields must refuse: beyond what PostgreSQL stores, or without an offset. */
const badInstants = ["-271821-04-20T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "2026-01-01T00:00:00"];

async function call(api: APIRequestContext, procedure: Procedure, text: string, batch = false): Promise<APIResponse> {
  const url = `/api/trpc/${procedure.path}${batch ? "?batch=1" : ""}`;
  if (procedure.type === "mutation") {
    return api.post(url, { data: Buffer.from(text), headers: { "content-type": "application/json" }, timeout: 20_000 });
  }
  return api.get(`${url}${batch ? "&" : "?"}input=${encodeURIComponent(text)}`, { timeout: 20_000 });
}

/** The error message of a JSON answer, in whichever shape it comes (tRPC's, the routes', better-auth's). */
function messageOf(body: unknown): string | undefined {
  const b = body as { error?: { json?: { message?: string }; message?: string } | string; message?: string } | { error?: { json?: { message?: string } } }[];
  if (Array.isArray(b)) return b.map((item) => item.error?.json?.message ?? "").join(" | ");
  if (typeof b?.error === "string") return b.error;
  return b?.error?.json?.message ?? b?.error?.message ?? b?.message;
}

test.describe("bad input to every procedure and route of the built server", () => {
  test.describe.configure({ timeout: 300_000 });

  test("is answered with a 4xx and a clear message, never a 5xx, and writes no event", async ({ request, baseURL }) => {
    const catalogue = JSON.parse(execFileSync("node_modules/.bin/tsx", ["tests/e2e/helpers/procedure-catalogue.ts"], { encoding: "utf8", timeout: 120_000 })) as Procedure[];
    expect(catalogue.length).toBeGreaterThan(40);

    // A member's own project and task, so that access checks pass and the input itself is judged.
    const account = freshAccount("fuzz");
    const signUp = await request.post("/api/auth/sign-up/email", { data: account, headers: { origin: baseURL! } });
    expect(signUp.ok()).toBe(true);
    const userId = ((await signUp.json()) as { user: { id: string } }).user.id;
    const created = await request.post("/api/trpc/project.create", { data: { json: { commandId: randomUUID(), name: "Fuzzed" } } });
    const projectId = ((await created.json()) as { result: { data: { json: { projectId: string } } } }).result.data.json.projectId;
    const board = await request.get(`/api/trpc/board.get?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`);
    const columnId = ((await board.json()) as { result: { data: { json: { columns: { id: string }[] } } } }).result.data.json.columns[0]!.id;
    const task = await request.post("/api/trpc/task.create", { data: { json: { commandId: randomUUID(), projectId, columnId, title: "Target" } } });
    const taskId = ((await task.json()) as { result: { data: { json: { taskId: string } } } }).result.data.json.taskId;

    const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const eventsBy = async () => Number((await db.query("SELECT count(*) FROM events WHERE metadata->>'userId' = $1", [userId])).rows[0].count);
    const before = await eventsBy();

    const faults: string[] = [];
    let sent = 0;
    async function expectRefused(what: string, response: Promise<APIResponse>) {
      sent += 1;
      let answer: APIResponse;
      try {
        answer = await response;
      } catch (error) {
        faults.push(`${what}: no answer (${String(error).slice(0, 200)})`);
        return;
      }
      const status = answer.status();
      const text = await answer.text();
      if (status < 400 || status >= 500) {
        faults.push(`${what}: ${status} ${text.slice(0, 200)}`);
        return;
      }
      if (!(answer.headers()["content-type"] ?? "").includes("json")) return; // the server's own 404 page, 431 and the like
      const message = messageOf(JSON.parse(text));
      if (!message || INTERNAL.test(message)) faults.push(`${what}: ${status} with message ${JSON.stringify(message)}`);
    }

    const jobs: [string, () => Promise<APIResponse>][] = [];
    for (const [index, procedure] of catalogue.entries()) {
      for (const { kind, take } of transportPayloads(projectId, procedure.type !== "mutation")) {
        for (let turn = 0; turn < take; turn++) {
          const [name, text] = kind[(index * take + turn) % kind.length]!;
          jobs.push([`${procedure.path} ← ${name}`, () => call(request, procedure, text)]);
        }
      }
      if (procedure.type === "mutation") {
        jobs.push([`${procedure.path} ← body of 300 KB`, () => call(request, procedure, JSON.stringify({ json: { projectId, title: "x".repeat(300_000) } }))]);
      }
      // Each date field beyond PostgreSQL's range (or, as text, without an offset), the other fields valid,
      // as superjson sends a Date and as plain text.
      for (const field of procedure.dateFields) {
        for (const instant of badInstants) {
          const valid: Record<string, string> = { projectId, taskId, commandId: randomUUID(), ...Object.fromEntries(procedure.dateFields.map((f) => [f, "2026-01-01T00:00:00.000Z"])) };
          if (field === "to") valid.from = "2025-12-31T00:00:00.000Z";
          else valid.to = "2026-01-02T00:00:00.000Z";
          const json = { ...valid, [field]: instant };
          const dates = { values: Object.fromEntries(procedure.dateFields.map((f) => [f, ["Date"]])), v: 1 };
          // A Date carries no offset of its own: only text can lack one.
          if (instant.endsWith("Z")) jobs.push([`${procedure.path} ← ${field} ${instant} (Date)`, () => call(request, procedure, JSON.stringify({ json, meta: dates }))]);
          jobs.push([`${procedure.path} ← ${field} ${instant} (text)`, () => call(request, procedure, JSON.stringify({ json }))]);
        }
      }
    }
    // A batch beyond the bound, of a harmless query.
    const many = Array.from({ length: 51 }, () => "project.list").join(",");
    jobs.push(["a batch of 51 calls", () => request.get(`/api/trpc/${many}?batch=1&input=${encodeURIComponent("{}")}`)]);

    // The HTTP routes.
    const badIds = ["-".repeat(36), "0".repeat(36), "a".repeat(36), "f".repeat(32), `${projectId}x`, "%00", "x".repeat(2000), "00000000-0000-0000-0000-00000000000g"];
    for (const id of badIds) {
      jobs.push([`board route, id ${id.slice(0, 40)}`, () => request.get(`/api/v1/projects/${id}/board`)]);
      jobs.push([`export route, id ${id.slice(0, 40)}`, () => request.get(`/api/v1/projects/${id}/export`)]);
    }
    for (const asOf of [...badInstants, "yesterday", "2026-13-45T00:00:00Z", "x".repeat(5000), "%00", "2026-01-01T00:00:00Z\u0000"]) {
      jobs.push([`board route, asOf ${asOf.slice(0, 40)}`, () => request.get(`/api/v1/projects/${projectId}/board?asOf=${encodeURIComponent(asOf)}`)]);
      jobs.push([`export route, from ${asOf.slice(0, 40)}`, () => request.get(`/api/v1/projects/${projectId}/export?from=${encodeURIComponent(asOf)}`)]);
    }
    jobs.push(["export route, format", () => request.get(`/api/v1/projects/${projectId}/export?format=xlsx`)]);
    jobs.push(["export route, to before from", () => request.get(`/api/v1/projects/${projectId}/export?from=2026-02-01&to=2026-01-01`)]);
    jobs.push(["metrics, not an operator", () => request.get("/api/metrics")]);
    jobs.push(["metrics, a long token", () => request.get("/api/metrics", { headers: { authorization: `Bearer cbt_${"x".repeat(6000)}` } })]);

    const auth = (path: string, data: string | Buffer, contentType = "application/json") =>
      request.post(`/api/auth${path}`, { data: Buffer.from(data), headers: { origin: baseURL!, "content-type": contentType }, timeout: 20_000 });
    const stranger = freshAccount("fuzz-stranger");
    for (const path of ["/sign-up/email", "/sign-in/email", "/update-user", "/change-password", "/sign-out"]) {
      jobs.push([`auth ${path} ← cut-off JSON`, () => auth(path, '{"email": ')]);
      jobs.push([`auth ${path} ← nested 10,000 deep`, () => auth(path, `{"name":${nested(10_000, '"x"')}}`)]);
      jobs.push([`auth ${path} ← body of 300 KB`, () => auth(path, JSON.stringify({ ...stranger, name: "x".repeat(300_000) }))]);
      jobs.push([`auth ${path} ← not JSON`, () => auth(path, "name=x&email=y", "application/x-www-form-urlencoded")]);
      jobs.push([`auth ${path} ← NUL in a field`, () => auth(path, JSON.stringify({ ...stranger, email: `a\u0000${stranger.email}`, name: "N\u0000L", currentPassword: "a\u0000", newPassword: "b\u0000" }))]);
    }
    jobs.push(["auth sign-up ← NUL in the name", () => auth("/sign-up/email", JSON.stringify({ ...stranger, name: "Mal\u0000lory" }))]);
    jobs.push(["auth sign-up ← a name over 100 characters", () => auth("/sign-up/email", JSON.stringify({ ...stranger, name: "n".repeat(101) }))]);
    jobs.push(["auth sign-up ← a blank name", () => auth("/sign-up/email", JSON.stringify({ ...stranger, name: "   " }))]);
    jobs.push(["auth sign-up ← an email of 5,000 characters", () => auth("/sign-up/email", JSON.stringify({ ...stranger, email: `${"e".repeat(5000)}@example.com` }))]);
    jobs.push(["auth update-user ← NUL in the name", () => auth("/update-user", JSON.stringify({ name: "a\u0000b" }))]);
    jobs.push(["auth update-user ← a name over 100 characters", () => auth("/update-user", JSON.stringify({ name: "n".repeat(101) }))]);
    jobs.push(["auth update-user ← a lone surrogate in the image", () => auth("/update-user", JSON.stringify({ image: "x\udc00" }))]);
    jobs.push(["auth sign-in ← wrong types", () => auth("/sign-in/email", JSON.stringify({ email: { $ne: 1 }, password: [1] }))]);
    jobs.push(["auth get-session ← NUL in the query", () => request.get("/api/auth/get-session?x=%00")]);

    // A few at a time: the server is judged, not the machine's patience.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await expectRefused(job[0], job[1]());
      }),
    );

    expect(faults).toEqual([]);
    expect(sent).toBe(jobs.length);
    expect(sent).toBeGreaterThan(450);
    // The account is as it was: its name was not changed by any of the above.
    const session = (await (await request.get("/api/auth/get-session")).json()) as { user: { name: string } };
    expect(session.user.name).toBe(account.name);
    expect(await eventsBy()).toBe(before);
    await db.end();
  });
});
