import { describe, expect, it } from "vitest";
import type pg from "pg";
import { readProjectAfter } from "../../../server/eventstore";
import { readImportFile, runImport } from "../../../server/import";
import { cmd, signedUpUser } from "../helpers/api";
import { testPool } from "../helpers/db";

const pool = testPool(4);
const ROWS = 2_000;

/** Rows of the events table this transaction has read so far (heap rows fetched by index scans and scanned). */
async function eventRowsRead(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT idx_tup_fetch + seq_tup_read AS n FROM pg_stat_xact_user_tables WHERE relname = 'events'`,
  );
  return Number(rows[0]!.n);
}

/*
 * Every "as of" read finds each event's command (command-instant.ts). A bulk import writes all its tasks in one
 * transaction: found by transaction alone, each lookup read the whole import, and reading the project's log grew with
 * the square of the import (13 s for 10,000 rows in BENCHMARKS.md's import bench). Rows read are counted, not timed.
 */
describe("a project whose import wrote thousands of events in one transaction", () => {
  it("is read after a cut and from the start reading each event a bounded number of times", async () => {
    const alice = await signedUpUser("Alice Importer");
    const { projectId } = await alice.caller.project.create({ ...cmd(), name: "Imported" });
    const { columns } = await alice.caller.board.get({ projectId });
    // The project's ordinary life first: commands in transactions of their own, as the planner sees most of the log.
    for (let i = 0; i < 30; i++) await alice.caller.task.create({ ...cmd(), projectId, columnId: columns[0]!.id, title: `Task ${i}` });
    const before = (await readProjectAfter(pool, projectId, {})).cut!;
    // Statistics from before the import, as the first reads after its commit meet them (autovacuum analyses later).
    await pool.query("ANALYZE events");

    const csv = ["Summary,Status", ...Array.from({ length: ROWS }, (_, i) => `Imported ${i},${columns[i % columns.length]!.name}`)].join("\n");
    const file = readImportFile(projectId, Buffer.from(csv));
    const report = await runImport({ projectId, user: alice.user, correlationId: file.importId, file, skipBadRows: false });
    expect(report.created).toBe(ROWS);

    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const start = await eventRowsRead(client);
      const after = await readProjectAfter(client, projectId, { after: before });
      const afterCut = (await eventRowsRead(client)) - start;
      const whole = await readProjectAfter(client, projectId, { until: new Date(Date.now() + 60_000) });
      const fromStart = (await eventRowsRead(client)) - start - afterCut;
      await client.query("COMMIT");

      expect(after.events).toHaveLength(ROWS);
      expect(whole.events.length).toBeGreaterThan(ROWS + 30);
      // Each event is read for itself and a few lookups of its own command; the whole import per event is ROWS times more.
      expect(afterCut).toBeLessThan(10 * ROWS);
      expect(fromStart).toBeLessThan(10 * whole.events.length);
    } finally {
      client.release();
    }
  });
});
