import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, it } from "vitest";
import { getPool } from "../../../server/db";
import { announceChange, appendToStream } from "../../../server/eventstore";
import { metadata, newEvent, testPool } from "../helpers/db";
import { until } from "../helpers/projections";

const pool = testPool();
const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
const announced = new Set<string>();

beforeAll(async () => {
  await listener.connect();
  listener.on("notification", (message) => {
    for (const id of (message.payload ?? "").split(",")) announced.add(id);
  });
  await listener.query("LISTEN chronoboard_events");
});
afterAll(() => listener.end());

describe("change announcements", () => {
  it("name every project changed in one burst, however many (a NOTIFY payload holds under 8000 bytes)", async () => {
    const projectIds = Array.from({ length: 500 }, () => randomUUID());
    for (const id of projectIds) announceChange(getPool(), id);
    await until(() => projectIds.every((id) => announced.has(id)), 5_000);
  });

  it("name a project as the database spells its id, whatever spelling the append was given", async () => {
    const projectId = randomUUID();
    await appendToStream(pool, {
      aggregateType: "task",
      aggregateId: randomUUID(),
      projectId: projectId.toUpperCase(),
      expectedVersion: 0,
      events: [newEvent()],
      metadata: metadata(),
    });
    await until(() => announced.has(projectId), 5_000);
  });
});
