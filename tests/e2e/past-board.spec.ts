import { addTask, boardWithTasks, card, column, createProject, mutate, query } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/past-${name}.png`, fullPage: false });
const DAY = 86_400_000;

type Change = { type: string; timestamp: string };
type BoardAnswer = { columns: { tasks: { id: string; title: string }[] }[] };

test("a past board is computed as of its instant, looks like the past, and joins history and time travel both ways", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await createProject(page, "Launch plan");
  const projectId = page.url().split("/").pop()!;
  await addTask(page, "To do", "Write the launch post");
  await page.keyboard.press("Escape");
  const board = await boardWithTasks<BoardAnswer>(page, projectId, 1);
  const taskId = board.columns[0]!.tasks[0]!.id;
  // Due tomorrow (UTC, the tests' time zone): not overdue then, overdue once the browser's clock is days ahead.
  const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
  await mutate(page, "task.setDueDate", { projectId, taskId, commandId: crypto.randomUUID(), dueDate: tomorrow });
  const [, dated] = await query<Change[]>(page, "task.history", { projectId, taskId });
  const then = new Date(Date.parse(dated!.timestamp) + 1);

  // After that instant: a second task, a new member and a priority change.
  await mutate(page, "task.changePriority", { projectId, taskId, commandId: crypto.randomUUID(), priority: "urgent" });
  await addTask(page, "In progress", "Book the venue");
  await page.keyboard.press("Escape");
  const teammate = freshAccount("teammate");
  const other = await browser.newContext({ baseURL });
  await signUpViaApi(await other.newPage(), teammate, baseURL!);
  await other.close();
  await mutate(page, "project.addMember", { projectId, commandId: crypto.randomUUID(), email: teammate.email, role: "member" });

  // The browser's clock three days ahead: the live board marks the task overdue.
  await page.clock.setFixedTime(new Date(Date.now() + 3 * DAY));
  await page.goto(`/projects/${projectId}`);
  const members = page.getByRole("list", { name: "Members" }).getByRole("listitem");
  await expect(card(column(page, "To do"), "Write the launch post")).toContainText("Overdue");
  await expect(page.locator("[data-task-count]")).toHaveText("2 tasks");
  await expect(members).toHaveCount(2);

  // From the task's history to the board at that moment.
  await card(page, "Write the launch post").click();
  const dialog = page.getByRole("dialog");
  const history = dialog.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem").filter({ hasText: "set the due date" })).toBeVisible();
  await history
    .getByRole("listitem")
    .filter({ hasText: "set the due date" })
    .getByRole("link", { name: "View the board at this moment" })
    .click();
  await expect(page).toHaveURL(new RegExp(`asOf=${encodeURIComponent(dated!.timestamp)}`));
  await expect(dialog).toHaveCount(0);

  await page.goto(`/projects/${projectId}?asOf=${encodeURIComponent(then.toISOString())}`);
  const past = page.locator("[data-past-board]");
  await expect(card(past, "Write the launch post")).toBeVisible();
  // Everything as of then: not overdue yet, one task, one member.
  await expect(card(past, "Write the launch post")).not.toContainText("Overdue");
  await expect(card(past, "Book the venue")).toHaveCount(0);
  await expect(page.locator("[data-task-count]")).toHaveText("1 task");
  await expect(members).toHaveCount(1);
  await expect(page.locator("[data-past-banner]")).toContainText("You are looking at the board as it was at");
  await page.screenshot(shot("desktop-light"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot(shot("desktop-dark"));
  await page.emulateMedia({ colorScheme: "light" });

  // The instant stays in sight while the page scrolls.
  await page.setViewportSize({ width: 1440, height: 420 });
  await page.mouse.move(700, 300);
  await page.mouse.wheel(0, 600);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  const bannerBox = await page.locator("[data-past-banner]").boundingBox();
  expect(bannerBox!.y).toBeGreaterThanOrEqual(0);
  expect(bannerBox!.y).toBeLessThan(120);
  await page.screenshot(shot("scrolled"));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));

  // The slider marks each change, and steps between them.
  const marks = page.locator("[data-event-marks] span");
  expect(await marks.count()).toBeGreaterThanOrEqual(5);
  await page.getByRole("button", { name: "Next change" }).click();
  await expect(card(past, "Write the launch post")).toContainText("Urgent");

  // Back at the chosen instant, the task opened in the past shows its history up to then, and restores to it.
  await page.goto(`/projects/${projectId}?asOf=${encodeURIComponent(then.toISOString())}`);
  await card(past, "Write the launch post").click();
  await expect(history).toContainText("set the due date");
  await expect(history).not.toContainText("priority");
  await history.getByRole("button", { name: "Restore to this moment" }).click();
  await history.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(history.getByRole("status")).toHaveText("Restored. The changes are at the top.");
  await expect
    .poll(async () => (await query<{ task: { priority: string } }>(page, "task.get", { projectId, taskId })).task.priority)
    .toBe("none");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press("Escape");
  await page.screenshot(shot("phone"));
});
