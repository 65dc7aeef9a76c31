import { card, column, createProject } from "./board-helpers";
import { expect, test } from "./fixtures";
import { screen } from "./ui-checks";

const TASKS = 10_000;
const STATUSES = ["To do", "In progress", "Done"];
const title = (n: number) => `Imported ${String(n).padStart(5, "0")}`;
/** A Jira export of TASKS rows spread over three columns in turn: row n is in STATUSES[(n - 1) % 3]. */
const csv = ["Summary,Status", ...Array.from({ length: TASKS }, (_, i) => `${title(i + 1)},${STATUSES[i % 3]}`)].join("\n");
const perColumn = STATUSES.map((_, c) => Math.ceil((TASKS - c) / 3));
const count = (n: number) => `${n.toLocaleString("en-US")} tasks`;

test("on a 10,000-task board, counts, search, filters and scrolling cover every task, live and in the past", async ({ signedInPage: page }) => {
  test.setTimeout(120_000);
  await createProject(page, "Large board");
  const projectId = page.url().split("/").pop()!;
  const before = new Date();
  const imported = await page.request.post(`/api/v1/projects/${projectId}/import`, { headers: { "content-type": "text/csv" }, data: csv, timeout: 60_000 });
  expect(imported.status()).toBe(200);
  expect(await imported.text()).toContain(`"created":${TASKS}`);
  const after = new Date();

  const views = { "large-board": `/projects/${projectId}`, "large-board-past": `/projects/${projectId}?asOf=${encodeURIComponent(after.toISOString())}` };
  for (const [name, url] of Object.entries(views)) {
    await page.goto(url);
    await expect(page.locator("[data-task-count]")).toHaveText(count(TASKS), { timeout: 20_000 });
    for (const [c, name] of STATUSES.entries()) await expect(column(page, name).locator("header")).toContainText(count(perColumn[c]!));
    const bar = page.getByRole("search", { name: "Filter tasks" });
    await expect(bar.getByRole("status")).toHaveText(`Showing ${TASKS.toLocaleString("en-US")} of ${TASKS.toLocaleString("en-US")} tasks`);

    // A card far down a column, never drawn at first, is found by search; the counts stay the real totals.
    const done = column(page, "Done").getByRole("list", { name: "Tasks in Done" });
    await expect(card(done, title(9_999))).toHaveCount(0);
    await bar.getByRole("searchbox", { name: "Search tasks" }).fill(title(9_999));
    await expect(card(done, title(9_999))).toBeVisible();
    await expect(page.locator("[data-task-id]")).toHaveCount(1);
    await expect(bar.getByRole("status")).toHaveText(`Showing 1 of ${TASKS.toLocaleString("en-US")} tasks`);
    await expect(column(page, "Done").locator("header")).toContainText(count(perColumn[2]!));
    await bar.getByRole("button", { name: "Clear filters" }).click();

    // Scrolling the column to its foot draws its last card; screen readers hear each card's place in the whole column.
    await expect(done.getByRole("listitem").first()).toHaveAttribute("aria-setsize", String(perColumn[2]));
    await done.hover();
    for (let i = 0; i < 40 && (await card(done, title(9_999)).count()) === 0; i++) await page.mouse.wheel(0, 100_000);
    await expect(card(done, title(9_999))).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screen(page, name);
  }

  // On a phone, in the dark: the header's count and the first column fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(views["large-board"]);
  await expect(page.locator("[data-task-count]")).toHaveText(count(TASKS), { timeout: 20_000 });
  await expect(column(page, "To do").locator("header")).toContainText(count(perColumn[0]!));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screen(page, "large-board");
  await page.emulateMedia({ colorScheme: "light" });

  // Before the import, the board had none of them.
  await page.goto(`/projects/${projectId}?asOf=${encodeURIComponent(before.toISOString())}`);
  await expect(page.locator("[data-task-count]")).toHaveText("0 tasks", { timeout: 20_000 });
});
