import { addTask, card, column, countTaskEvents, createProject, drag, keyboardDrag, mutate } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/board-${name}.png`, fullPage: true });

test("a task's whole life on the board survives a reload", async ({ signedInPage: page }) => {
  test.setTimeout(120_000);

  await page.goto("/projects");
  await expect(page.getByText("No projects yet")).toBeVisible();
  await createProject(page, "Launch plan");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["To do", "In progress", "Review", "Done"]);
  await page.goto("/projects");
  await expect(page.getByRole("link", { name: /Launch plan/ })).toContainText("Owner");
  await page.screenshot(shot("projects"));
  await page.getByRole("link", { name: /Launch plan/ }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["To do", "In progress", "Review", "Done"]);
  await expect(column(page, "To do")).toContainText("No tasks yet");

  await addTask(page, "To do", "Draft the announcement");
  await addTask(page, "To do", "Book the venue");
  await addTask(page, "To do", "Order badges");
  await page.keyboard.press("Escape");

  // Mouse drag into another column.
  const todo = column(page, "To do");
  const inProgress = column(page, "In progress");
  await drag(page, card(todo, "Draft the announcement"), inProgress.getByRole("list", { name: "Tasks in In progress" }));
  await expect(card(inProgress, "Draft the announcement")).toBeVisible();
  await expect(card(todo, "Draft the announcement")).toHaveCount(0);
  // One drag is one event in the log (polled: the card shows before the server has answered).
  const projectId = page.url().split("/").pop()!;
  const draggedId = (await card(inProgress, "Draft the announcement").getAttribute("data-task-id"))!;
  await expect.poll(() => countTaskEvents(page, projectId, draggedId, "TaskMoved")).toBe(1);

  // Keyboard drag: Space picks up, arrows move, Space drops.
  await keyboardDrag(page, card(todo, "Book the venue"), [
    ["Space", "Picked up “Book the venue”"],
    ["ArrowRight", "in In progress"],
    ["ArrowRight", "in Review"],
    ["Space", "Dropped “Book the venue”"],
  ]);
  await expect(card(column(page, "Review"), "Book the venue")).toBeVisible();

  // The detail panel edits every field.
  await card(inProgress, "Draft the announcement").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Title", { exact: true }).fill("Publish the announcement");
  await dialog.getByLabel("Title", { exact: true }).press("Enter");
  await dialog.getByLabel("Priority", { exact: true }).selectOption("high");
  await dialog.getByLabel("Due date", { exact: true }).fill("2020-01-15");
  await dialog.getByLabel("Labels", { exact: true }).fill("marketing");
  await dialog.getByLabel("Labels", { exact: true }).press("Enter");
  await dialog.getByLabel("Assignee", { exact: true }).selectOption({ index: 1 });
  await dialog.getByLabel("Description", { exact: true }).fill("Post on the blog and the newsletter.");
  await dialog.getByRole("button", { name: "Save description" }).click();
  await dialog.getByLabel("Add a comment").fill("The draft is in the shared folder.");
  await dialog.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(dialog.getByLabel("Add a comment")).toHaveValue("");

  const history = dialog.getByRole("region", { name: "History" });
  await expect(history).toContainText("created the task in To do");
  await expect(history).toContainText("moved it from To do to In progress");
  await expect(history).toContainText("renamed it to “Publish the announcement”");
  await expect(history).toContainText("set the priority to High");
  await expect(history).toContainText("set the due date to Jan 15, 2020");
  await expect(history).toContainText("added the label “marketing”");
  await expect(history).toContainText("assigned it to");
  await expect(history).toContainText("changed the description");
  await expect(history).toContainText("commented");
  await expect(dialog.getByRole("region", { name: /Comments/ })).toContainText("The draft is in the shared folder.");

  // Archive from the panel, restore from the board's Archived section.
  await dialog.getByRole("button", { name: "Archive task" }).click();
  await expect(dialog).toContainText("This task is archived");
  await dialog.getByRole("button", { name: "Close task details" }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, "Publish the announcement")).toHaveCount(0);
  await page.locator("summary", { hasText: "Archived" }).click();
  await page.getByRole("button", { name: "Restore Publish the announcement" }).click();
  await expect(card(inProgress, "Publish the announcement")).toBeVisible();

  // Everything came from the server: a reload shows the same board.
  await page.reload();
  const restored = card(column(page, "In progress"), "Publish the announcement");
  await expect(restored).toBeVisible();
  await expect(restored).toContainText("High");
  await expect(restored).toContainText("Overdue");
  await expect(restored).toContainText("marketing");
  await expect(restored).toContainText("1 comment");
  await expect(card(column(page, "Review"), "Book the venue")).toBeVisible();
  await expect(card(column(page, "To do"), "Order badges")).toBeVisible();

  await restored.click();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Publish the announcement");
  await expect(dialog.getByLabel("Priority", { exact: true })).toHaveValue("high");
  await expect(dialog.getByLabel("Due date", { exact: true })).toHaveValue("2020-01-15");
  await expect(dialog.getByLabel("Description", { exact: true })).toHaveValue("Post on the blog and the newsletter.");
  await expect(dialog.getByRole("region", { name: /Comments/ })).toContainText("The draft is in the shared folder.");
  await expect(history).toContainText("archived it");
  await expect(history).toContainText("restored it");
  await page.screenshot(shot("detail-light"));
  await history.scrollIntoViewIfNeeded();
  await page.screenshot(shot("detail-history"));
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.screenshot(shot("light"));

  // Reload in dark: Chromium keeps some light colours on elements that exist while the emulated scheme flips.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(restored).toBeVisible();
  await page.screenshot(shot("dark"));
  await restored.click();
  await expect(history).toContainText("restored it");
  await page.screenshot(shot("detail-dark"));
  await page.keyboard.press("Escape");
  await page.emulateMedia({ colorScheme: "light" });

  // On a phone the columns scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const row = column(page, "To do").locator("..");
  expect(await row.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.screenshot({ path: "test-results/screens/board-phone.png" });
});

test("WIP limits warn, refuse a move and allow it on purpose; columns can be managed", async ({ signedInPage: page }) => {
  test.setTimeout(90_000);
  await createProject(page, "Limits");
  await addTask(page, "To do", "First");
  await addTask(page, "To do", "Second");

  await page.getByRole("button", { name: "Column settings: Review" }).click();
  const settings = page.getByRole("dialog", { name: "Column settings" });
  await settings.getByLabel("WIP limit").fill("1");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  await settings.getByRole("button", { name: "Close column settings" }).click();
  const review = column(page, "Review");
  await expect(review.locator("header")).toContainText("0 / 1");

  // The non-drag way to move: the Column picker in the task panel.
  const dialog = page.getByRole("dialog");
  await card(page, "First").click();
  await dialog.getByLabel("Column", { exact: true }).selectOption({ label: "Review" });
  await expect(card(review, "First")).toBeAttached();
  await dialog.getByRole("button", { name: "Close task details" }).click();
  await expect(review.locator("header")).toContainText("1 / 1");
  await expect(review.locator("header")).toContainText("WIP limit reached");

  await card(page, "Second").click();
  await dialog.getByLabel("Column", { exact: true }).selectOption({ label: "Review" });
  await expect(dialog.getByRole("alert").filter({ hasText: "WIP limit" })).toBeVisible();
  await dialog.getByRole("button", { name: "Move anyway" }).click();
  await expect(dialog.getByLabel("Column", { exact: true })).toHaveValue(await review.getAttribute("data-column-id").then(String));
  await dialog.getByRole("button", { name: "Close task details" }).click();
  await expect(review.locator("header")).toContainText("2 / 1");
  await expect(review.locator("header")).toContainText("over the WIP limit");

  // A drag into the full column springs back with the server's reason, and can then be made on purpose.
  await addTask(page, "To do", "Third");
  await page.keyboard.press("Escape");
  await drag(page, card(column(page, "To do"), "Third"), review.getByRole("list"));
  const notice = page.getByRole("alert").filter({ hasText: "WIP limit" });
  await expect(notice).toContainText('Column "Review" has reached its WIP limit of 1');
  await expect(card(column(page, "To do"), "Third")).toBeVisible();
  await page.screenshot(shot("wip"));
  await notice.getByRole("button", { name: "Move anyway" }).click();
  await expect(card(review, "Third")).toBeVisible();
  await expect(review.locator("header")).toContainText("3 / 1");

  // Rename, move left, add and remove a column.
  await page.getByRole("button", { name: "Column settings: Review" }).click();
  await settings.getByLabel("Name").fill("QA");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  await settings.getByRole("button", { name: "Move left" }).click();
  await expect(page.getByRole("heading", { level: 2 }).filter({ hasNotText: /^(Column settings|Welcome to your board)$/ })).toHaveText([
    "To do",
    "QA",
    "In progress",
    "Done",
  ]);
  await expect(settings.getByRole("button", { name: "Remove column" })).toBeDisabled();
  await settings.getByRole("button", { name: "Close column settings" }).click();

  await page.getByRole("button", { name: "Add column" }).click();
  await page.getByLabel("Column name").fill("Blocked");
  await page.getByLabel("Column name").press("Enter");
  await expect(column(page, "Blocked")).toBeVisible();
  await page.getByRole("button", { name: "Column settings: Blocked" }).click();
  await settings.getByRole("button", { name: "Remove column" }).click();
  await expect(column(page, "Blocked")).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["To do", "QA", "In progress", "Done"]);
  await expect(column(page, "QA").locator("header")).toContainText("3 / 1");
});

test("a change made elsewhere turns a stale edit into a conflict message", async ({ signedInPage: page }) => {
  test.setTimeout(60_000);
  // With live updates the panel would pick up the other change first; a dropped live connection is
  // exactly when a stale edit happens, so this page gets none.
  await page.route("**/api/trpc/board.changes**", (route) => route.abort());
  await createProject(page, "Conflicts");
  await addTask(page, "To do", "Original title");
  const projectId = page.url().split("/").pop()!;
  const taskId = (await card(page, "Original title").getAttribute("data-task-id"))!;

  await card(page, "Original title").click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Original title");
  await mutate(page, "task.rename", { projectId, taskId, commandId: crypto.randomUUID(), title: "Renamed elsewhere" });

  await dialog.getByLabel("Priority", { exact: true }).selectOption("urgent");
  await expect(dialog.getByRole("alert")).toContainText("Someone else changed this task; reloaded — apply your change again.");
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Renamed elsewhere");
  await expect(dialog.getByLabel("Priority", { exact: true })).toHaveValue("none");

  // Applying it again now succeeds.
  await dialog.getByLabel("Priority", { exact: true }).selectOption("urgent");
  await expect(dialog.getByRole("region", { name: "History" })).toContainText("set the priority to Urgent");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
});

test("viewers see the board read-only", async ({ signedInPage: page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const viewer = freshAccount("viewer");
  const viewerPage = await browser.newPage({ baseURL });
  await signUpViaApi(viewerPage, viewer, baseURL!);

  await createProject(page, "Shared");
  await addTask(page, "To do", "Look but do not touch");
  const projectId = page.url().split("/").pop()!;
  await mutate(page, "project.addMember", { projectId, commandId: crypto.randomUUID(), email: viewer.email, role: "viewer" });

  await viewerPage.goto(`/projects/${projectId}`);
  await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText("Shared");
  await expect(viewerPage.getByText("Viewer · read only")).toBeVisible();
  await expect(card(viewerPage, "Look but do not touch")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /Add task/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /Column settings/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Add column" })).toHaveCount(0);

  await card(viewerPage, "Look but do not touch").click();
  const dialog = viewerPage.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Look but do not touch" })).toBeVisible();
  await expect(dialog.getByRole("combobox")).toHaveCount(0);
  await expect(dialog.getByRole("textbox")).toHaveCount(0);
  await expect(dialog.getByRole("button", { name: "Archive task" })).toHaveCount(0);
  await expect(dialog.getByRole("region", { name: "History" })).toContainText("created the task in To do");
  await viewerPage.screenshot(shot("viewer-detail"));
  await viewerPage.close();
});
