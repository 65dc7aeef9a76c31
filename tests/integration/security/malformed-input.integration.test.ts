import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../../server/api/root";
import { hasUnstorableText } from "../../../server/api/text-guard";
import { getPool } from "../../../server/db";
import { cmd, signedUpUser } from "../helpers/api";

type Caller = Awaited<ReturnType<typeof signedUpUser>>["caller"];
type Parser = { safeParse: (value: unknown) => { success: boolean } };
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: Parser[] } }>;
/** Procedures without input (project.list, token.list) ignore what is sent, so nothing sent to them is malformed. */
const paths = Object.keys(appRouter._def.procedures).filter((path) => procedures[path]!._def.inputs.length > 0);
/** The answers a client can act on; anything else (INTERNAL_SERVER_ERROR above all) is a fault. */
const clientErrors = new Set(["BAD_REQUEST", "NOT_FOUND", "CONFLICT", "UNAUTHORIZED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT"]);

/** Values that are wrong for most fields: empty, unstorable, oversized, out of range, of the wrong type. */
const badValue = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "x".repeat(20_001), "y".repeat(300_000)),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 60), Number.NaN, Number.POSITIVE_INFINITY, 1e308),
  fc.constantFrom(null, true, [], {}),
  fc.array(fc.string(), { maxLength: 300 }),
  fc.anything({ maxDepth: 3 }),
);
/** Values that fit many fields, so that one bad field is often the only thing wrong and gets deep. */
const plausible = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom("member", "viewer", "high", "csv", "2026-01-01", "2026-01-01T00:00:00Z", "task_list"),
);

/** The fields a procedure's input schemas name. */
const fieldsOf = (path: string) =>
  procedures[path]!._def.inputs.flatMap((parser) => Object.keys((parser as { shape?: object }).shape ?? {}));
/** Malformed by the procedure's own schemas, or holding text PostgreSQL cannot store. */
const malformed = (path: string, value: unknown) =>
  hasUnstorableText(value) || procedures[path]!._def.inputs.some((parser) => !parser.safeParse(value).success);

describe("malformed input to every procedure", () => {
  let caller: Caller;
  let projectId: string;
  let taskId: string;

  beforeAll(async () => {
    const owner = await signedUpUser("Fuzz Owner");
    caller = owner.caller;
    ({ projectId } = await caller.project.create({ ...cmd(), name: "Fuzzed" }));
    const board = await caller.board.get({ projectId });
    ({ taskId } = await caller.task.create({ ...cmd(), projectId, columnId: board.columns[0]!.id, title: "Target" }));
  });

  it("answers every one with a client error and a message, never a server fault, and writes no event", async () => {
    // Per procedure: its own project and task (so the role check passes and the rest is judged) and a
    // fresh command id, then its own fields with bad or plausible values; only malformed inputs are sent.
    const call = fc.constantFrom(...paths).chain((path) => {
      const fields = fieldsOf(path);
      const filled = fields.length
        ? fc.dictionary(fc.constantFrom(...fields), fc.oneof(badValue, plausible), { minKeys: 1, maxKeys: fields.length })
        : fc.constant({});
      const input = fc.oneof(
        { weight: 4, arbitrary: fc.tuple(fc.uuid(), filled).map(([commandId, values]) => ({ projectId, taskId, commandId, ...values })) },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
      );
      return input.filter((value) => malformed(path, value)).map((value) => ({ path, value }));
    });
    const count = async () => Number((await getPool().query("SELECT count(*) FROM events")).rows[0].count);
    const before = await count();
    let calls = 0;
    const faults: string[] = [];
    await fc.assert(
      fc.asyncProperty(call, async ({ path, value }) => {
        calls += 1;
        const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
        try {
          const result = await procedure(value);
          await (result as AsyncIterator<unknown> | undefined)?.return?.();
          faults.push(`${path}(${JSON.stringify(value)?.slice(0, 200)}) was accepted`);
          return false;
        } catch (error) {
          const ok = error instanceof TRPCError && clientErrors.has(error.code) && error.message.length > 0;
          if (!ok) faults.push(`${path}(${JSON.stringify(value)?.slice(0, 200)}): ${String(error)}`);
          return ok;
        }
      }),
      { numRuns: 3000, seed: 20261129, endOnFailure: true },
    );
    expect(faults).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(3000);
    expect(await count()).toBe(before);
  }, 240_000);
});
