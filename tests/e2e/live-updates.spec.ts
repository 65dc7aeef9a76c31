import { addTask, card, column, createProject, drag, mutate } from "./board-helpers";
import type { Browser, Page } from "@playwright/test";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

/**
 * A project of the signed-in owner with one task in "To do", and a teammate (a member) in a browser context
 * of their own, not on the board yet.
 */
async function ownerAndTeammate(page: Page, browser: Browser, baseURL: string, projectName: string, taskTitle: string) {
  const other = freshAccount("teammate");
  const otherContext = await browser.newContext({ baseURL });
  const otherPage = await otherContext.newPage();
  await signUpViaApi(otherPage, other, baseURL);
  await createProject(page, projectName);
  await addTask(page, "To do", taskTitle);
  await page.keyboard.press("Escape");
  const projectId = page.url().split("/").pop()!;
  await mutate(page, "project.addMember", { projectId, commandId: crypto.randomUUID(), email: other.email, role: "member" });
  return { projectId, otherContext, otherPage };
}

test("a move in one browser appears in another browser on the same board without a reload", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { projectId, otherContext, otherPage } = await ownerAndTeammate(page, browser, baseURL!, "Live board", "Shared card");

  await otherPage.goto(`/projects/${projectId}`);
  await expect(card(column(otherPage, "To do"), "Shared card")).toBeVisible();
  await expect(otherPage.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Owner drags; the teammate's board follows.
  await drag(page, card(column(page, "To do"), "Shared card"), column(page, "In progress").getByRole("list", { name: "Tasks in In progress" }));
  await expect(card(column(page, "In progress"), "Shared card")).toBeVisible();
  await expect(card(column(otherPage, "In progress"), "Shared card")).toBeVisible();
  await expect(card(column(otherPage, "To do"), "Shared card")).toHaveCount(0);

  // And the other way round: the teammate adds a task, the owner sees it.
  await addTask(otherPage, "Review", "Added by the teammate");
  await expect(card(column(page, "Review"), "Added by the teammate")).toBeVisible();
  await otherPage.screenshot({ path: "test-results/screens/live-teammate.png", fullPage: true });
  await otherContext.close();
});

test("a browser that lost its connection reconnects and catches up on what it missed", async ({ signedInPage: page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const { projectId, otherContext, otherPage } = await ownerAndTeammate(page, browser, baseURL!, "Flaky network", "Before the outage");
  // The page's live stream, so that the test can cut it as a network failure would (going offline in
  // Chromium refuses new connections but keeps open streams going).
  await otherPage.addInitScript(() => {
    const streams: EventSource[] = [];
    window.EventSource = class extends window.EventSource {
      constructor(...args: ConstructorParameters<typeof EventSource>) {
        super(...args);
        streams.push(this);
      }
    };
    Object.assign(window, {
      cutLiveStreams: () =>
        streams.splice(0).forEach((stream) => {
          stream.close();
          stream.dispatchEvent(new Event("error"));
        }),
    });
  });
  await otherPage.goto(`/projects/${projectId}`);
  const badge = otherPage.locator("[data-live]");
  await expect(badge).toHaveText("Live");

  await otherContext.setOffline(true);
  await otherPage.evaluate(() => (window as unknown as { cutLiveStreams: () => void }).cutLiveStreams());
  await expect(badge).not.toHaveText("Live");
  await addTask(page, "Review", "Added during the outage");

  await otherContext.setOffline(false);
  await expect(badge).toHaveText("Live", { timeout: 20_000 });
  await expect(card(column(otherPage, "Review"), "Added during the outage")).toBeVisible();
  await expect(card(column(otherPage, "To do"), "Before the outage")).toBeVisible();
  await otherContext.close();
});

test("a change made after the board loaded but before its live stream started still shows", async ({ signedInPage: page, browser, baseURL }) => {
  test.setTimeout(60_000);
  const { projectId, otherContext, otherPage } = await ownerAndTeammate(page, browser, baseURL!, "Slow start", "Already there");
  // The teammate's live stream is held back until the owner's change has committed.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await otherPage.route("**/api/trpc/board.changes**", async (route) => {
    await released;
    await route.continue();
  });
  await otherPage.goto(`/projects/${projectId}`);
  await expect(card(column(otherPage, "To do"), "Already there")).toBeVisible();
  await addTask(page, "Review", "Added before the stream");

  release();
  await expect(otherPage.locator("[data-live]")).toHaveText("Live");
  await expect(card(column(otherPage, "Review"), "Added before the stream")).toBeVisible();
  await otherContext.close();
});

test("the live stream starts while the board's first load is under way, and a change made meanwhile shows", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  const { projectId, otherContext, otherPage } = await ownerAndTeammate(page, browser, baseURL!, "Slow first load", "Moved meanwhile");
  // The teammate's first board load is read by the server at once, and its answer held back until the owner has moved
  // the card: the page then draws a board without the move.
  let read!: () => void;
  const wasRead = new Promise<void>((resolve) => (read = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await otherPage.route("**/api/trpc/board.get**", async (route) => {
    if (!first) return route.continue();
    first = false;
    const response = await route.fetch();
    read();
    await released;
    await route.fulfill({ response });
  });
  const streamStarted = otherPage.waitForRequest("**/api/trpc/board.changes**");
  await otherPage.goto(`/projects/${projectId}`);
  await wasRead;
  // The stream does not wait for the board to be drawn.
  await streamStarted;
  await drag(page, card(column(page, "To do"), "Moved meanwhile"), column(page, "In progress").getByRole("list", { name: "Tasks in In progress" }));
  await expect(card(column(page, "In progress"), "Moved meanwhile")).toBeVisible();

  release();
  await expect(card(column(otherPage, "In progress"), "Moved meanwhile")).toBeVisible();
  await expect(card(column(otherPage, "To do"), "Moved meanwhile")).toHaveCount(0);
  await expect(otherPage.locator("[data-live]")).toHaveText("Live");
  await otherContext.close();
});

test("a task panel whose first load was read before a change shows the change once it lands", async ({ signedInPage: page }) => {
  test.setTimeout(60_000);
  await createProject(page, "Slow panel");
  await addTask(page, "To do", "First title");
  await page.keyboard.press("Escape");
  const projectId = page.url().split("/").pop()!;
  const taskId = (await card(page, "First title").getAttribute("data-task-id"))!;
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // The panel's first load is read by the server now, and its answer held back until after a rename.
  let read!: () => void;
  const answerRead = new Promise<void>((resolve) => (read = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/trpc\/[^?]*task\.get/, async (route) => {
    const response = await route.fetch();
    read();
    await released;
    await route.fulfill({ response });
  }, { times: 1 });
  await card(page, "First title").click();
  const dialog = page.getByRole("dialog");
  await answerRead;
  await mutate(page, "task.rename", { projectId, taskId, commandId: crypto.randomUUID(), title: "Renamed meanwhile" });
  // The live change reached the page while the load was under way.
  await expect(card(column(page, "To do"), "Renamed meanwhile")).toBeVisible();
  release();

  await expect(dialog.getByRole("region", { name: "History" })).toContainText("renamed it to “Renamed meanwhile”");
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveValue("Renamed meanwhile");
});
