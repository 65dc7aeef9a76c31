import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPool } from "../../../server/db";
import { appendToStream } from "../../../server/eventstore";
import { metadata, newEvent, taskStream, testPool } from "../helpers/db";

const owner = testPool(2);

describe("the app's database role", () => {
  it("is not the owner: the app connects as a member of chronoboard_app, without superuser rights", async () => {
    const { rows } = await getPool().query(
      `SELECT current_user AS name, pg_has_role(current_user, 'chronoboard_app', 'member') AS member, r.rolsuper AS superuser
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ name: "chronoboard_app_login", member: true, superuser: false });
    const ownerName = (await owner.query("SELECT current_user AS name")).rows[0].name;
    expect(ownerName).not.toBe(rows[0].name);
  });

  it("may append and read events, but not update, delete or truncate them", async () => {
    const stream = taskStream();
    await appendToStream(getPool(), { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    const app = getPool();
    expect((await app.query("SELECT count(*)::int AS n FROM events WHERE aggregate_id = $1", [stream.aggregateId])).rows[0].n).toBe(1);
    for (const sql of ["UPDATE events SET payload = '{}' WHERE aggregate_id = $1", "DELETE FROM events WHERE aggregate_id = $1"]) {
      await expect(app.query(sql, [stream.aggregateId])).rejects.toMatchObject({ code: "42501", message: "permission denied for table events" });
    }
    await expect(app.query("TRUNCATE events")).rejects.toMatchObject({ code: "42501" });
    await expect(app.query("DELETE FROM event_hashes")).rejects.toMatchObject({ code: "42501" });
    await expect(app.query("ALTER TABLE events DISABLE TRIGGER events_no_update_delete")).rejects.toMatchObject({ code: "42501" });
  });

  it("is refused UPDATE and DELETE even with the append-only triggers switched off", async () => {
    const stream = taskStream();
    await appendToStream(getPool(), { ...stream, expectedVersion: 0, events: [newEvent()], metadata: metadata() });
    const client = await owner.connect();
    const attempt = async (sql: string, asApp: boolean) => {
      await client.query("BEGIN");
      try {
        // Triggers off for this transaction (only a superuser can do this), then act as the app's role.
        await client.query("SET LOCAL session_replication_role = replica");
        if (asApp) await client.query("SET LOCAL ROLE chronoboard_app_login");
        return await client.query(sql, [stream.aggregateId]).then((r) => r.rowCount, (e: pg.DatabaseError) => e.code);
      } finally {
        await client.query("ROLLBACK");
      }
    };
    try {
      for (const sql of ["UPDATE events SET payload = '{}' WHERE aggregate_id = $1", "DELETE FROM events WHERE aggregate_id = $1"]) {
        // The owner, with the triggers off, would get through (rolled back): the refusal below is the role's.
        expect(await attempt(sql, false)).toBe(1);
        expect(await attempt(sql, true)).toBe("42501");
      }
    } finally {
      client.release();
    }
    expect((await owner.query("SELECT payload FROM events WHERE aggregate_id = $1", [stream.aggregateId])).rows[0].payload).toEqual({ title: "x" });
  });
});
