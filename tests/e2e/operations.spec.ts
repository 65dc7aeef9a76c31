import { randomUUID } from "node:crypto";
import pg from "pg";
import { addTask, createProject } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/operations-${name}.png`, fullPage: true });

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test("an operator watches the projectors, rebuilds the board read model and skips a parked event", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const account = freshAccount("operator");
  await signUpViaApi(page, account, baseURL!);
  const refused = await page.goto("/ops");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  await sql(`INSERT INTO operators (user_id) SELECT id FROM users WHERE email = $1`, [account.email]);

  // A board with a task, and an event of it stored malformed (a number as its title): every projector parks it.
  await createProject(page, "Ops check");
  await addTask(page, "To do", "Keep me");
  const projectId = new URL(page.url()).pathname.split("/").at(-1)!;
  const [task] = await sql<{ aggregate_id: string }>(`SELECT aggregate_id FROM events WHERE project_id = $1 AND event_type = 'TaskCreated'`, [projectId]);
  const poison = randomUUID();
  await sql(
    `INSERT INTO events (event_id, event_type, event_version, aggregate_type, aggregate_id, version, project_id, payload, metadata)
     VALUES ($1, 'TaskRenamed', 1, 'task', $2, 2, $3, '{"title": 42}', '{"userId": "import", "correlationId": "c", "causationId": "c"}')`,
    [poison, task!.aggregate_id, projectId],
  );
  // The board says that a change is held back rather than hiding it.
  await expect(page.getByTestId("projection-lag")).toContainText("1 change is held back", { timeout: 15_000 });

  await sql(
    `INSERT INTO rebuild_jobs (name, instance, started_at, updated_at, finished_at, events, position, target)
     VALUES ('board', 'an earlier instance', now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 hour', 1, 1, 1)
     ON CONFLICT (name) DO NOTHING`,
    [],
  );
  await page.goto("/ops");
  const board = page.getByRole("row", { name: /^board/ });
  await expect(board).toContainText(/Leading (here|on another instance)/);
  await expect(page.getByRole("link", { name: "Metrics" })).toHaveAttribute("href", "/ops/metrics");
  const letter = page.locator(`[data-dead-letter="${poison}"]`).filter({ hasText: "board" });
  await expect(letter).toContainText("parked");

  // An earlier rebuild's outcome is on the page (from other tests on this database, or one made up here) …
  const status = board.getByRole("status");
  await expect(status).toContainText("Swapped in");
  const earlier = await status.textContent();
  // … and while the status is slow to answer after the click, the page must not show it as this click's outcome.
  const slowStatus = /\/api\/trpc\/[^?]*operations\.status/;
  await page.route(slowStatus, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue().catch(() => {});
  });
  await board.getByRole("button", { name: "Rebuild board" }).click();
  await expect(status).toHaveText("Starting…");
  await expect(board.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await expect(board.getByRole("button", { name: "Rebuild board" })).toBeDisabled();
  await page.unroute(slowStatus);
  await expect(status).toContainText("Swapped in", { timeout: 60_000 });
  expect(await status.textContent()).not.toBe(earlier);
  await expect(board.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  // A rebuild starts the dead letters afresh: the malformed event is parked again by the rebuilt model.
  await expect(letter).toContainText("parked", { timeout: 15_000 });
  await page.screenshot(shot("page"));

  const skip = letter.getByRole("button", { name: "Skip" });
  await expect(skip).toBeDisabled();
  await letter.getByLabel("Reason (kept in the log)").fill("malformed import");
  await skip.click();
  await expect(letter).toHaveCount(0);
  const decided = await sql<{ user_id: string; reason: string }>(
    `SELECT metadata->>'userId' AS user_id, payload->>'reason' AS reason FROM events WHERE project_id = $1 AND event_type = 'DeadLetterSkipped'`,
    [projectId],
  );
  expect(decided.map((d) => d.reason)).toEqual(["malformed import"]);
});
