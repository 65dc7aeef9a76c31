import type { Page } from "@playwright/test";
import { addTask, card, column, createProject } from "./board-helpers";
import { expect, test } from "./fixtures";

/**
 * Lets every call of a tRPC mutation reach the server, which applies it, but loses the answer of the first
 * `times` calls, as a dropped connection would.
 */
async function loseAnswers(page: Page, procedure: string, times: number) {
  let lost = 0;
  await page.route(
    (url) => url.pathname.startsWith("/api/trpc/") && url.pathname.includes(procedure),
    async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const response = await route.fetch();
      if (lost < times) {
        lost += 1;
        return route.abort("connectionreset");
      }
      return route.fulfill({ response });
    },
  );
}

test("a task and a comment whose answers were lost, sent again by the user, are each stored once", async ({ signedInPage: page }) => {
  await createProject(page, "Lost answers");
  const todo = column(page, "To do");

  // The first attempt and the page's own retry both lose their answer; the user then presses Enter again.
  await loseAnswers(page, "task.create", 2);
  await todo.getByRole("button", { name: "Add task" }).click();
  const title = todo.getByLabel("New task title in To do");
  await title.fill("Only once");
  await title.press("Enter");
  await expect(todo.getByText(/could not reach the server/i)).toBeVisible({ timeout: 15_000 });
  await title.press("Enter");
  await expect(card(todo, "Only once")).toBeVisible();
  await page.reload();
  await expect(card(column(page, "To do"), "Only once")).toHaveCount(1);

  await addTask(page, "To do", "Commented");
  await loseAnswers(page, "task.comment", 2);
  await card(column(page, "To do"), "Commented").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Add a comment").fill("Said once");
  await dialog.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(dialog.getByText(/could not reach the server/i)).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(dialog.getByLabel("Add a comment")).toHaveValue("");
  await page.reload();
  await card(column(page, "To do"), "Commented").click();
  const comments = page.getByRole("dialog").getByRole("region", { name: /Comments/ });
  await expect(comments.getByText("Said once")).toHaveCount(1);
});
