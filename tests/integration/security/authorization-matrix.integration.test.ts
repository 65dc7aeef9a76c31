import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken, grantOperator } from "../../../server/auth";
import { getPool } from "../../../server/db";
import { appRouter } from "../../../server/api/root";
import { boardAsOfResponse } from "../../../server/api/http/board-as-of";
import { exportResponse } from "../../../server/api/http/export";
import { importResponse } from "../../../server/api/http/import";
import { checkpointsResponse, consistencyResponse, receiptResponse } from "../../../server/api/http/proofs";
import { readProject } from "../../../server/eventstore";
import type { Role } from "../../../server/domain";
import { anonymousCaller, cmd, signedUpUser } from "../helpers/api";

/**
 * Who may call what, keyed by procedure path. Project procedures list the roles they admit; `signedIn` is
 * any account (the caller's own things: project list, tokens); `operator` the installation's operators
 * (server/auth/operators.ts). The test walks appRouter's own record of procedures, so a procedure added
 * without a line here fails it.
 */
const readers: Role[] = ["owner", "admin", "member", "viewer", "auditor"];
const editors: Role[] = ["owner", "admin", "member"];
const managers: Role[] = ["owner", "admin"];
const auditors: Role[] = ["owner", "admin", "auditor"];
type Rule = Role[] | "signedIn" | "operator";

const access: Record<string, Rule> = {
  "project.list": "signedIn",
  "project.create": "signedIn",
  "project.rename": managers,
  "project.members": readers,
  "project.addMember": managers,
  "project.changeMemberRole": managers,
  "project.removeMember": managers,
  "project.setLabelColour": editors,
  "project.auditLog": readers,
  "column.add": managers,
  "column.rename": managers,
  "column.move": managers,
  "column.remove": managers,
  "column.setWipLimit": managers,
  "task.get": readers,
  "task.create": editors,
  "task.move": editors,
  "task.rename": editors,
  "task.changeDescription": editors,
  "task.assign": editors,
  "task.unassign": editors,
  "task.changePriority": editors,
  "task.setDueDate": editors,
  "task.clearDueDate": editors,
  "task.addLabel": editors,
  "task.removeLabel": editors,
  "task.comment": editors,
  "task.archive": editors,
  "task.restore": editors,
  "task.asOf": readers,
  "task.history": readers,
  "task.revertTo": editors,
  "task.undoLast": editors,
  "task.list": readers,
  "task.assignReviewer": editors,
  "task.releaseReviewer": editors,
  "task.approve": editors,
  "task.requestChanges": editors,
  "automation.settings": readers,
  "automation.addRule": managers,
  "automation.removeRule": managers,
  "automation.configureReviewSaga": managers,
  "board.get": readers,
  "board.asOf": readers,
  "board.changes": readers,
  "audit.summary": auditors,
  "audit.check": auditors,
  "projections.deadLetters": managers,
  "projections.retryDeadLetter": managers,
  "projections.skipDeadLetter": managers,
  "session.me": "signedIn",
  "token.list": "signedIn",
  "token.create": "signedIn",
  "token.revoke": "signedIn",
  "analytics.flow": readers,
  "metrics.panel": "operator",
  "operations.status": "operator",
  "operations.deadLetters": "operator",
  "operations.retryDeadLetter": "operator",
  "operations.skipDeadLetter": "operator",
  "operations.rebuild": "operator",
};

type Procedures = Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
const procedures = appRouter._def.procedures as unknown as Procedures;
const roles = readers;

type Caller = ReturnType<typeof anonymousCaller>;
type Outcome = "allowed" | "NOT_FOUND" | "UNAUTHORIZED" | "FORBIDDEN";

/**
 * Calls a procedure with nothing but the project id. The role check comes before the rest of the input
 * is parsed, so a caller who is let in gets an answer or BAD_REQUEST (for the missing fields), and one
 * who is not gets NOT_FOUND or UNAUTHORIZED; no call writes anything, as no command is complete.
 */
async function outcome(caller: Caller, path: string, input: unknown): Promise<Outcome> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    const result = await procedure(input);
    // A subscription that was let in returns its stream; end it at once.
    if (procedures[path]!._def.type === "subscription") await (result as AsyncIterator<unknown>).return?.();
    return "allowed";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === "NOT_FOUND" || error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") return error.code;
    return "allowed";
  }
}

const subject = {} as {
  ownProject: string;
  otherProject: string;
  callers: Record<Role, { caller: Caller; token: string; cookie: string }>;
  stranger: { caller: Caller; token: string; cookie: string };
  operator: Caller;
};

beforeAll(async () => {
  const owner = await signedUpUser("Owner");
  const { projectId } = await owner.caller.project.create({ ...cmd(), name: "Own" });
  const outsider = await signedUpUser("Outsider");
  const { projectId: otherProject } = await outsider.caller.project.create({ ...cmd(), name: "Someone else's" });
  const callers = { owner: { caller: owner.caller, token: (await createApiToken(owner.user.id, "matrix")).token, cookie: owner.cookie } } as typeof subject.callers;
  for (const role of roles.filter((r) => r !== "owner")) {
    const user = await signedUpUser(role);
    await owner.caller.project.addMember({ ...cmd(), projectId, email: user.user.email, role: role as Exclude<Role, "owner"> });
    callers[role] = { caller: user.caller, token: (await createApiToken(user.user.id, "matrix")).token, cookie: user.cookie };
  }
  const stranger = await signedUpUser("Stranger");
  const operator = await signedUpUser("Operator");
  await grantOperator(operator.user.id);
  Object.assign(subject, {
    ownProject: projectId,
    otherProject,
    callers,
    stranger: { caller: stranger.caller, token: (await createApiToken(stranger.user.id, "matrix")).token, cookie: stranger.cookie },
    operator: operator.caller,
  });
}, 60_000);

describe("the authorisation matrix", () => {
  it("has a rule for every procedure of the router, and none for a procedure that is gone", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(access).sort());
  });

  it("lets every role do exactly what its rule says, in its own project, in another one and signed out: 0 leaks", async () => {
    const leaks: string[] = [];
    const expectOutcome = (what: string, actual: Outcome, expected: Outcome) => {
      if (actual !== expected) leaks.push(`${what}: expected ${expected}, got ${actual}`);
    };
    let calls = 0;
    for (const path of Object.keys(procedures)) {
      const rule = access[path];
      if (!rule) continue; // reported by the test above
      if (rule === "operator") {
        // Not a project's: every member and non-member is refused alike, only operators get in.
        for (const role of roles) expectOutcome(`${path} as ${role}`, await outcome(subject.callers[role].caller, path, undefined), "FORBIDDEN");
        expectOutcome(`${path} as a non-member`, await outcome(subject.stranger.caller, path, undefined), "FORBIDDEN");
        expectOutcome(`${path} as an operator`, await outcome(subject.operator, path, undefined), "allowed");
        expectOutcome(`${path} signed out`, await outcome(anonymousCaller(), path, undefined), "UNAUTHORIZED");
        calls += roles.length + 3;
        continue;
      }
      const withProject = (projectId: string) => (rule === "signedIn" ? undefined : { projectId });
      for (const role of roles) {
        const { caller } = subject.callers[role];
        const allowedHere = rule === "signedIn" || rule.includes(role);
        expectOutcome(`${path} as ${role}, own project`, await outcome(caller, path, withProject(subject.ownProject)), allowedHere ? "allowed" : "NOT_FOUND");
        if (rule !== "signedIn") {
          expectOutcome(`${path} as ${role}, other project`, await outcome(caller, path, withProject(subject.otherProject)), "NOT_FOUND");
          expectOutcome(`${path} as ${role}, unknown project`, await outcome(caller, path, withProject(randomUUID())), "NOT_FOUND");
        }
        calls += rule === "signedIn" ? 1 : 3;
      }
      expectOutcome(`${path} as a non-member`, await outcome(subject.stranger.caller, path, withProject(subject.ownProject)), rule === "signedIn" ? "allowed" : "NOT_FOUND");
      expectOutcome(`${path} signed out`, await outcome(anonymousCaller(), path, withProject(subject.ownProject)), "UNAUTHORIZED");
      calls += 2;
    }
    expect(leaks).toEqual([]);
    expect(calls).toBeGreaterThan(Object.keys(procedures).length * 10);
  });

  const routes = [
    { name: "board as of", respond: boardAsOfResponse, path: "board", roles: readers },
    { name: "compliance export", respond: exportResponse, path: "export", roles: auditors },
    { name: "consistency proof", respond: consistencyResponse, path: "consistency?from=1&to=1", roles: readers },
    { name: "checkpoints", respond: checkpointsResponse, path: "checkpoints", roles: readers },
    {
      name: "inclusion receipt",
      // An event of the subject's own project, asked for through whichever project the request names.
      respond: async (req: Request, projectId: string) => receiptResponse(req, projectId, (await readProject(getPool(), subject.ownProject))[0]!.eventId),
      path: "events/x/proof",
      roles: readers,
    },
    {
      // A file with a header and no rows: an editor is let in and nothing is written.
      name: "CSV import",
      respond: (req: Request, projectId: string) =>
        importResponse(new Request(req.url, { method: "POST", headers: req.headers, body: "Summary,Status\n" }), projectId),
      path: "import",
      roles: editors,
      sessionOnly: true,
    },
  ];

  it.each(routes)("guards the HTTP route $name for every role, project and token", async (route) => {
    const { respond, path, roles: allowed } = route;
    // A route that writes takes the session only (API tokens read): it is walked with each caller's session cookie.
    const sessionOnly = "sessionOnly" in route && route.sessionOnly;
    const request = (projectId: string, credential?: string) =>
      respond(
        new Request(`http://localhost/api/v1/projects/${projectId}/${path}`, {
          headers: !credential ? {} : sessionOnly && !credential.startsWith("cbt_") ? { cookie: credential } : { authorization: `Bearer ${credential}` },
        }),
        projectId,
      );
    const credentialOf = (who: { token: string; cookie: string }) => (sessionOnly ? who.cookie : who.token);
    const leaks: string[] = [];
    const expectStatus = (what: string, actual: number, expected: number) => {
      if (actual !== expected) leaks.push(`${what}: expected ${expected}, got ${actual}`);
    };
    for (const role of roles) {
      const credential = credentialOf(subject.callers[role]);
      expectStatus(`${role}, own project`, (await request(subject.ownProject, credential)).status, allowed.includes(role) ? 200 : 404);
      expectStatus(`${role}, other project`, (await request(subject.otherProject, credential)).status, 404);
      if (sessionOnly) expectStatus(`${role}'s API token`, (await request(subject.ownProject, subject.callers[role].token)).status, 403);
    }
    expectStatus("non-member", (await request(subject.ownProject, credentialOf(subject.stranger))).status, 404);
    expectStatus("signed out", (await request(subject.ownProject)).status, 401);
    expectStatus("unknown token", (await request(subject.ownProject, "cbt_not-a-real-token")).status, sessionOnly ? 403 : 401);
    expect(leaks).toEqual([]);
  });
});
