import { addTask, boardWithTasks, card, column, createProject, mutate } from "./board-helpers";
import { expect, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/history-words-${name}.png`, fullPage: true });
type BoardAnswer = { columns: { id: string; name: string; tasks: { id: string }[] }[] };

test("history says what happened in words, keeps ids behind Details, groups by day and fits the page", async ({ signedInPage: page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await createProject(page, "Words");
  const projectId = page.url().split("/").pop()!;
  await addTask(page, "To do", "Plain task");
  await page.keyboard.press("Escape");
  const board = await boardWithTasks<BoardAnswer>(page, projectId, 1);
  const taskId = board.columns[0]!.tasks[0]!.id;
  const doing = board.columns.find((c) => c.name === "In progress")!.id;
  // Three changes within a few seconds: the log shows them to the second.
  await mutate(page, "task.move", { projectId, taskId, commandId: crypto.randomUUID(), toColumnId: doing, afterTaskId: null, overrideWipLimit: false });
  await mutate(page, "task.changePriority", { projectId, taskId, commandId: crypto.randomUUID(), priority: "high" });
  const long = `A${"very-long-word-".repeat(13)}end`;
  await mutate(page, "task.rename", { projectId, taskId, commandId: crypto.randomUUID(), title: long });

  await page.reload();
  const longCard = card(column(page, "In progress"), long);
  await expect(longCard).toBeVisible();
  // Cards clamp long titles.
  expect((await longCard.boundingBox())!.height).toBeLessThan(150);
  await longCard.click();
  const dialog = page.getByRole("dialog");
  const history = dialog.getByRole("region", { name: "History" });
  await expect(history).toContainText("moved it from To do to In progress");
  const created = history.getByRole("listitem").filter({ hasText: "created the task in To do" });
  await expect(created.getByRole("list", { name: "Fields changed" })).toHaveText("Title:“Plain task”");
  await expect(created).not.toContainText("Archived");
  // Ids only on demand.
  const copyButtons = history.getByRole("button", { name: /^Copy / });
  await expect(copyButtons.first()).toBeHidden();
  await created.getByText("Details").click();
  await expect(created.getByRole("button", { name: /^Copy correlation id / })).toBeVisible();
  // A long title wraps inside the panel.
  const spills = await history.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(spills).toBe(false);
  await history.getByText("renamed it to").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/history-words-panel.png" });
  await page.keyboard.press("Escape");

  await page.goto(`/projects/${projectId}/history`);
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "moved it from To do to In progress" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "set the priority to High" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "created the project “Words”" })).toHaveCount(1);
  await expect(page.getByText(/Task(Moved|Created) v\d/).first()).toBeHidden();
  await expect(rows.first()).toContainText("Today");
  await expect(page.locator("tbody tr[data-day-start]")).toHaveCount(1);
  // Changes that share a minute show their seconds.
  const moveTime = rows.filter({ hasText: "moved it from" }).locator("time");
  await expect(moveTime).toHaveText(/^\d{1,2}:\d{2}:\d{2}\s[AP]M$/);
  // Nothing cut at 1440 px.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  const table = (await page.locator("table").boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(1440);
  await page.screenshot(shot("log-light"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot(shot("log-dark"));
  await page.emulateMedia({ colorScheme: "light" });

  // From a row of the log to the board at that moment.
  await rows.filter({ hasText: "moved it from" }).getByRole("link", { name: "View the board at this moment" }).click();
  await expect(page).toHaveURL(/\?asOf=/);
  await expect(card(column(page, "In progress"), "Plain task")).toBeVisible();
});
