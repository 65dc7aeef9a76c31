import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditEnvelope, chainHash, GENESIS_HASH } from "../../../server/audit/chain-hash";
import { checkIntegrity, sealCommitted, SealerBehindError } from "../../../server/audit";
import { sealPending } from "../../../server/audit/sealer";
import { appendToStream, readProject } from "../../../server/eventstore";
import { metadata, newEvent, testPool } from "../helpers/db";

const pool = testPool();

function appendTo(projectId: string, client: Parameters<typeof appendToStream>[0] = pool, events = [newEvent()]) {
  return appendToStream(client, { aggregateType: "task", aggregateId: randomUUID(), projectId, expectedVersion: 0, events, metadata: metadata() });
}

async function chainOf(projectId: string) {
  const { rows } = await pool.query<{ position: string; chain_index: string; prev_hash: string; hash: string }>(
    `SELECT position, chain_index, prev_hash, hash FROM event_hashes WHERE project_id = $1 ORDER BY chain_index`,
    [projectId],
  );
  return rows.map((r) => ({ position: Number(r.position), index: Number(r.chain_index), prevHash: r.prev_hash, hash: r.hash }));
}

describe("the audit sealer", () => {
  it("chains each project's events on their own, from the genesis value, over the stored envelope", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await appendTo(a, pool, [newEvent(), newEvent("TaskRenamed", { title: "Ünïcødé, \"quoted\"\nand more" })]);
    await appendTo(b);
    await appendTo(a);
    await sealCommitted(pool);

    const chainA = await chainOf(a);
    expect(chainA.map((l) => l.index)).toEqual([1, 2, 3]);
    expect(chainA[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chainA[1]!.prevHash).toBe(chainA[0]!.hash);
    expect(chainA[2]!.prevHash).toBe(chainA[1]!.hash);
    const chainB = await chainOf(b);
    expect(chainB).toHaveLength(1);
    expect(chainB[0]!.prevHash).toBe(GENESIS_HASH);

    // Recomputed from the stored row (microsecond timestamp included), the first hash is the recorded one.
    const [first] = await readProject(pool, a);
    const { rows } = await pool.query<{ ts: string }>(
      `SELECT to_char("timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts FROM events WHERE position = $1`,
      [first!.position],
    );
    expect(rows[0]!.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(chainHash(GENESIS_HASH, auditEnvelope(first!, rows[0]!.ts))).toBe(chainA[0]!.hash);
  });

  it("seals every event of concurrent appends in two projects while sealers run alongside", async () => {
    const projects = [randomUUID(), randomUUID()];
    const sealing = Promise.all([sealPending(pool), sealPending(pool, { wait: true })]);
    const written = await Promise.all(
      Array.from({ length: 60 }, (_, i) => appendTo(projects[i % 2]!, pool, [newEvent(), newEvent()])),
    );
    await sealing;
    await sealCommitted(pool);

    for (const projectId of projects) {
      const positions = written.filter((w) => w.events[0]!.projectId === projectId).flatMap((w) => w.events.map((e) => e.position));
      const chain = await chainOf(projectId);
      expect(chain.map((l) => l.position).sort((x, y) => x - y)).toEqual(positions.sort((x, y) => x - y));
      expect(chain.map((l) => l.index)).toEqual(positions.map((_, i) => i + 1));
      expect(await checkIntegrity(pool, projectId)).toMatchObject({ checked: 60, broken: null, head: chain.at(-1)!.hash });
    }
  });

  it("chains an event that commits late in commit order, and waits for it before an export", async () => {
    const projectId = randomUUID();
    const slow = await pool.connect();
    try {
      await slow.query("BEGIN");
      const held = await appendTo(projectId, slow);
      const quick = await appendTo(projectId);
      await sealPending(pool, { wait: true });
      expect(await chainOf(projectId)).toEqual([]);
      await expect(sealCommitted(pool, { timeoutMs: 200 })).rejects.toBeInstanceOf(SealerBehindError);

      await slow.query("COMMIT");
      await sealCommitted(pool);
      expect((await chainOf(projectId)).map((l) => l.position)).toEqual([held.lastPosition, quick.lastPosition]);
    } finally {
      slow.release();
    }
  });

  it("refuses UPDATE, DELETE and TRUNCATE of recorded hashes", async () => {
    const projectId = randomUUID();
    await appendTo(projectId);
    await sealCommitted(pool);
    await expect(pool.query(`UPDATE event_hashes SET hash = prev_hash WHERE project_id = $1`, [projectId])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(pool.query(`DELETE FROM event_hashes WHERE project_id = $1`, [projectId])).rejects.toThrow(/append-only: DELETE/);
    await expect(pool.query(`TRUNCATE event_hashes`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await chainOf(projectId)).toHaveLength(1);
  });
});
