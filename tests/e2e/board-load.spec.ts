import { createProject } from "./board-helpers";
import { expect, test } from "./fixtures";

/*
 * The board page's HTML preloads the board's first request (app/projects/[projectId]/page.tsx), so it is under way
 * while the page's scripts load, and the client's own request for it takes that answer instead of asking again.
 */
test("a board page asks for its board as its HTML arrives, and only once", async ({ signedInPage: page }) => {
  await createProject(page, "Board asked for early");
  const url = page.url();
  await page.goto("about:blank");
  const seen: string[] = [];
  page.on("request", (request) => void (request.url().includes("/api/trpc/board.get") && seen.push("board.get")));
  page.on("domcontentloaded", () => void seen.push("DOM ready"));
  await page.goto(url);
  await expect(page.locator("[data-live]")).toHaveText("Live");
  // Once the live stream has started the page asks for the board once more (use-live-updates.ts), and no more.
  await expect.poll(() => seen.filter((s) => s === "board.get").length).toBe(2);
  await page.waitForTimeout(1000);
  expect(seen).toEqual(["board.get", "DOM ready", "board.get"]);
});

test("a board opened in time travel preloads nothing: its live and past boards go in one request", async ({ signedInPage: page }) => {
  await createProject(page, "Travelling board");
  const live = page.url();
  await page.goto(live);
  await expect(page.locator('link[rel="preload"][as="fetch"]')).toHaveCount(1);
  await page.goto(`${live}?asOf=${encodeURIComponent(new Date().toISOString())}`);
  await expect(page.locator("[data-live]")).toHaveText("Paused while you look at the past");
  await expect(page.locator('link[rel="preload"][as="fetch"]')).toHaveCount(0);
});
