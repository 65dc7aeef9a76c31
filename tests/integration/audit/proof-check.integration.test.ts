import { describe, expect, it } from "vitest";
import { checkIntegrity, checkProofs, sealCommitted } from "../../../server/audit";
import { checkpointNow } from "../../../server/audit/sealer";
import { getPool } from "../../../server/db";
import { readProject } from "../../../server/eventstore";
import { auditedProject, downloadExport } from "../helpers/audit";
import { testPool } from "../helpers/db";

const owner = testPool();

/** Changes the log the way only someone bypassing the append-only triggers could (a superuser). */
async function behindTheTriggers(statements: [string, unknown[]][]) {
  const client = await owner.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
}

describe("the integrity check against checkpoints and exports", () => {
  it("reports the newest events deleted with their hash rows, which the chain walk alone calls intact", async () => {
    const { projectId, token } = await auditedProject(["a", "b", "c"]);
    await downloadExport(projectId, token);
    await sealCommitted(getPool());
    await checkpointNow(getPool(), projectId);
    expect(await checkProofs(getPool(), projectId)).toEqual([]);

    const newest = (await readProject(getPool(), projectId)).slice(-2).map((e) => e.position);
    await behindTheTriggers([
      ["DELETE FROM leaf_salts WHERE position = ANY($1)", [newest]],
      ["DELETE FROM event_hashes WHERE position = ANY($1)", [newest]],
      ["DELETE FROM events WHERE position = ANY($1)", [newest]],
    ]);
    expect((await checkIntegrity(getPool(), projectId)).broken).toBeNull();
    const problems = await checkProofs(getPool(), projectId);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/the log holds only \d+ events, 2 were removed/)]));
  });

  it("reports an export whose lastHash is no longer a link, after a consistent rewrite of the chain", async () => {
    const { projectId, token } = await auditedProject(["a", "b"]);
    await downloadExport(projectId, token);
    await behindTheTriggers([
      [`UPDATE event_hashes SET hash = md5(hash) || md5(hash) WHERE project_id = $1`, [projectId]],
    ]);
    const problems = await checkProofs(getPool(), projectId);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/its lastHash is no longer the chain's link/)]));
  });
});
