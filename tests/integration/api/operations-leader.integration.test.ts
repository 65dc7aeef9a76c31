import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { grantOperator } from "../../../server/auth";
import { lockName } from "../../../server/projectors/runner/projector";
import { projectors } from "../../../server/read-models";
import { signedUpUser } from "../helpers/api";

/** A projector no runner of this test run leads, so only the sessions below hold its leader lock. */
const probe = { ...projectors.task_list!, name: "leader_probe" };

/** A session on another database of the same server (another installation), or on this one. */
async function session(database?: string) {
  const url = new URL(process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [lockName("leader", probe.name)]);
  return client;
}

describe("operations.status leadership", () => {
  projectors[probe.name] = probe;
  afterAll(() => {
    delete projectors[probe.name];
  });

  it("counts only this database's advisory locks: another installation's leader is not a leader elsewhere", async () => {
    const olga = await signedUpUser("Olga Operator");
    await grantOperator(olga.user.id);
    const leader = async () => (await olga.caller.operations.status()).find((s) => s.name === probe.name)!.leader;
    expect(await leader()).toBe("none");

    const otherInstallation = await session("postgres");
    try {
      expect(await leader()).toBe("none");
    } finally {
      await otherInstallation.end();
    }
    const otherInstance = await session();
    try {
      expect(await leader()).toBe("elsewhere");
    } finally {
      await otherInstance.end();
    }
  });
});
