import { spawnSync } from "node:child_process";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { cmd, signedUpUser } from "../helpers/api";
import { testPool } from "../helpers/db";
import { auditedProject } from "../helpers/audit";

/** The database owner (a superuser here), the only one who can step around the triggers and privileges. */
const owner = testPool();

/** Changes the log the way only someone bypassing the append-only triggers could (a superuser). */
async function behindTheTriggers(sql: string, params: unknown[]) {
  const client = await owner.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

function runCheck(projectId: string) {
  return spawnSync("npx", ["tsx", "scripts/audit-check.ts", projectId], { encoding: "utf8", env: process.env });
}

describe("the integrity check", () => {
  it("walks an intact chain for owners and auditors, and is not found for other roles", async () => {
    const { owner, projectId } = await auditedProject();
    const auditor = await signedUpUser("Aude");
    const member = await signedUpUser("Max");
    await owner.caller.project.addMember({ ...cmd(), projectId, email: auditor.user.email, role: "auditor" });
    await owner.caller.project.addMember({ ...cmd(), projectId, email: member.user.email, role: "member" });
    const events = await readProject(getPool(), projectId);

    const report = await auditor.caller.audit.check({ projectId });
    expect(report).toMatchObject({ projectId, checked: events.length, broken: null });
    expect(report.head).toMatch(/^[0-9a-f]{64}$/);
    expect(await owner.caller.audit.check({ projectId })).toEqual(report);
    expect(await auditor.caller.audit.summary({ projectId })).toMatchObject({
      project: { id: projectId, name: "Audited" },
      role: "auditor",
      eventCount: events.length,
      firstEventAt: events[0]!.timestamp,
      lastEventAt: events.at(-1)!.timestamp,
    });
    const refused = await member.caller.audit.check({ projectId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");

    const run = runCheck(projectId);
    expect(run.stdout.trim()).toBe(`intact: ${events.length} events, chain head ${report.head}`);
    expect(run.status).toBe(0);
  });

  it("reports an event changed after it was sealed at that event", async () => {
    const { owner, projectId } = await auditedProject(["One", "Two", "Three"]);
    await owner.caller.audit.check({ projectId });
    const events = await readProject(getPool(), projectId);
    const two = events.find((e) => (e.payload as { title?: string }).title === "Two")!;
    await behindTheTriggers(`UPDATE events SET payload = jsonb_set(payload, '{title}', '"Tw0"') WHERE event_id = $1`, [two.eventId]);

    const report = await owner.caller.audit.check({ projectId });
    expect(report).toEqual({
      projectId,
      checked: events.indexOf(two) + 1,
      head: null,
      broken: {
        chainIndex: events.indexOf(two) + 1,
        position: two.position,
        eventId: two.eventId,
        reason: "the stored event no longer matches the hash recorded when it was sealed",
      },
    });
    const run = runCheck(projectId);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN at chain record ${events.indexOf(two) + 1} (position ${two.position}`);
  });

  it("reports a removed hash record and a changed link", async () => {
    const { owner, projectId } = await auditedProject(["One"]);
    await owner.caller.audit.check({ projectId });
    await behindTheTriggers(`DELETE FROM event_hashes WHERE project_id = $1 AND chain_index = 3`, [projectId]);
    expect((await owner.caller.audit.check({ projectId })).broken).toMatchObject({
      chainIndex: 4,
      reason: "chain record 3 is missing (the next one recorded is 4)",
    });

    const other = await auditedProject(["One"]);
    await other.owner.caller.audit.check({ projectId: other.projectId });
    await behindTheTriggers(`UPDATE event_hashes SET prev_hash = repeat('1', 64) WHERE project_id = $1 AND chain_index = 5`, [other.projectId]);
    expect((await other.owner.caller.audit.check({ projectId: other.projectId })).broken).toMatchObject({
      chainIndex: 5,
      reason: "its recorded previous hash is not the hash of the record before it",
    });
  });
});
