import type { Page } from "@playwright/test";
import { addTask, boardWithTasks, card, column, createProject, query } from "./board-helpers";
import { expect, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/history-${name}.png`, fullPage: true });

/** Screenshots in light, then in dark (after a reload: Chromium keeps some light colours on a live flip). */
async function shots(page: Page, name: string, ready: () => Promise<void>) {
  await page.screenshot(shot(`${name}-light`));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await ready();
  await page.screenshot(shot(`${name}-dark`));
  await page.emulateMedia({ colorScheme: "light" });
}

test("timeline, restore, audit log and time travel", async ({ signedInPage: page }) => {
  test.setTimeout(120_000);
  await createProject(page, "Chronicle");
  const projectId = page.url().split("/").pop()!;
  await addTask(page, "To do", "Draft plan");
  await page.keyboard.press("Escape");

  // A few changes from the task panel.
  await card(page, "Draft plan").click();
  const dialog = page.getByRole("dialog");
  const history = dialog.getByRole("region", { name: "History" });
  await expect(history).toContainText("created the task in To do");
  await dialog.getByLabel("Title", { exact: true }).fill("Final plan");
  await dialog.getByLabel("Title", { exact: true }).press("Enter");
  await expect(history).toContainText("renamed it to “Final plan”");
  await dialog.getByLabel("Priority", { exact: true }).selectOption("high");
  await expect(history).toContainText("set the priority to High");

  // Each entry says what changed, before → after, with its cause and correlation id.
  const entries = history.getByRole("listitem").filter({ has: page.getByRole("list", { name: "Fields changed" }) });
  await expect(entries).toHaveCount(3);
  const rename = entries.filter({ hasText: "renamed it" });
  await expect(rename.getByRole("list", { name: "Fields changed" })).toHaveText("Title:“Draft plan”→changed to“Final plan”");
  await expect(entries.first().getByRole("list", { name: "Fields changed" })).toContainText("No priority→changed toHigh");
  await expect(rename).toContainText("By command");
  // The ids are behind a details toggle.
  await expect(rename.getByRole("button", { name: /^Copy correlation id / })).toBeHidden();
  await rename.getByText("Details").click();
  await expect(rename.getByRole("button", { name: /^Copy correlation id / })).toBeVisible();
  await history.scrollIntoViewIfNeeded();
  await shots(page, "timeline", async () => {
    await card(page, "Final plan").click();
    await expect(entries).toHaveCount(3);
    await history.scrollIntoViewIfNeeded();
  });

  // Restore to the first entry (creation): new events bring the old title and priority back.
  const created = entries.last();
  await created.getByRole("button", { name: "Restore to this point" }).click();
  await expect(created.getByRole("group", { name: "Confirm restore" })).toContainText("New changes are added");
  await created.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(history.getByRole("status")).toHaveText("Restored. The changes are at the top.");
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Draft plan");
  await expect(dialog.getByLabel("Priority", { exact: true })).toHaveValue("none");
  await expect(entries).toHaveCount(5);
  await expect(entries.filter({ hasText: "renamed it to “Draft plan”" })).toContainText("“Final plan”→changed to“Draft plan”");

  // Undo that restore (one command, so both its events): back to the final title and priority.
  await history.getByRole("button", { name: "Undo last change" }).click();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Final plan");
  await expect(dialog.getByLabel("Priority", { exact: true })).toHaveValue("high");
  await expect(entries).toHaveCount(7);
  await page.keyboard.press("Escape");

  // The audit log: every event newest first, filterable through the URL.
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(`/projects/${projectId}/history`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History: Chronicle");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  const times = await page.locator("tbody time").evaluateAll((els) => els.map((el) => el.getAttribute("datetime")!));
  expect(times.length).toBeGreaterThan(8);
  expect(times).toEqual([...times].sort().reverse());
  await expect(rows.last()).toHaveAttribute("data-event-type", "ProjectCreated");
  await expect(page.getByRole("link", { name: "Audit export" })).toBeVisible();
  await shots(page, "audit-log", () => expect(rows.first()).toBeVisible());

  await page.getByLabel("Event type").selectOption("TaskRenamed");
  await expect(page).toHaveURL(/type=TaskRenamed/);
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toHaveAttribute("data-event-type", "TaskRenamed");
  await expect(rows.first()).toContainText("Final plan");
  await page.reload();
  await expect(page.getByLabel("Event type")).toHaveValue("TaskRenamed");
  await expect(rows).toHaveCount(3);

  // Time travel by URL: between the task's creation and its rename the board shows the first title, read-only.
  const changes = await query<{ type: string; timestamp: string }[]>(page, "task.history", {
    projectId,
    taskId: (await boardWithTasks<{ columns: { tasks: { id: string }[] }[] }>(page, projectId, 1)).columns[0]!.tasks[0]!.id,
  });
  const createdAt = Date.parse(changes[0]!.timestamp);
  const renamedAt = Date.parse(changes[1]!.timestamp);
  const between = new Date((createdAt + renamedAt) / 2).toISOString();
  await page.goto(`/projects/${projectId}?asOf=${encodeURIComponent(between)}`);
  const banner = page.getByRole("region", { name: "Time travel", exact: true });
  await expect(banner).toContainText("You are looking at");
  await expect(page.locator("[data-live]")).toHaveText("Paused while you look at the past");
  await expect(card(column(page, "To do"), "Draft plan")).toBeVisible();
  await expect(card(page, "Final plan")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add task" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Column settings/ })).toHaveCount(0);
  await expect(card(page, "Draft plan")).not.toHaveAttribute("aria-roledescription", "sortable");
  await card(page, "Draft plan").click();
  await expect(dialog).toContainText("read only");
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await shots(page, "time-travel", () => expect(card(page, "Draft plan")).toBeVisible());

  await banner.getByRole("button", { name: "Back to now" }).click();
  await expect(page).toHaveURL(`/projects/${projectId}`);
  await expect(banner).toHaveCount(0);
  await expect(page.locator("[data-live]")).toHaveText("Live");
  await expect(card(column(page, "To do"), "Final plan")).toBeVisible();

  // The slider: the toggle opens time travel at now; Home goes to the project's creation, before any task.
  await page.getByRole("button", { name: "Time travel", exact: true }).click();
  await expect(banner).toBeVisible();
  await expect(card(page, "Final plan")).toBeVisible();
  const opened = new URL(page.url()).searchParams.get("asOf");
  expect(opened).toBeTruthy();
  const slider = banner.getByLabel("Point in time");
  await expect(slider).toBeEnabled();
  await slider.press("Home");
  await expect.poll(() => new URL(page.url()).searchParams.get("asOf")).not.toBe(opened);
  await expect(card(page, "Final plan")).toHaveCount(0);
  await expect(card(page, "Draft plan")).toHaveCount(0);

  // Before the project existed there was no board at all.
  await page.goto(`/projects/${projectId}?asOf=2000-01-01T00:00:00.000Z`);
  await expect(page.getByText("This project did not exist yet")).toBeVisible();
});
