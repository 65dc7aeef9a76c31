import type { Page } from "@playwright/test";
import { addTask, card, column, createProject, query } from "./board-helpers";
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
  test.setTimeout(120_000); // each lost answer costs the page's own retry delay as well
  await createProject(page, "Lost answers");
  const todo = column(page, "To do");

  // The first attempt and the page's own retry both lose their answer; the user then presses Enter again.
  await loseAnswers(page, "task.create", 2);
  await todo.getByRole("button", { name: "Add task" }).click();
  const title = todo.getByLabel("New task title in To do");
  await title.fill("Only once");
  await title.press("Enter");
  await expect(page.getByText(/may not have been added: could not reach the server/i)).toBeVisible({ timeout: 15_000 });
  // The field cleared at once; the user types the same title again.
  await title.fill("Only once");
  await title.press("Enter");
  await expect(card(todo, "Only once")).toBeVisible();
  const projectId = new URL(page.url()).pathname.split("/").at(-1)!;
  const board = await query<{ columns: { tasks: { title: string }[] }[] }>(page, "board.get", { projectId });
  expect(board.columns.flatMap((c) => c.tasks).filter((t) => t.title === "Only once")).toHaveLength(1);

  await addTask(page, "To do", "Commented");
  await loseAnswers(page, "task.comment", 2);
  const commented = card(column(page, "To do"), "Commented");
  const taskId = (await commented.getAttribute("data-task-id"))!;
  await commented.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Add a comment").fill("Said once");
  await dialog.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(dialog.getByText(/could not reach the server/i)).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(dialog.getByLabel("Add a comment")).toHaveValue("");
  const stored = await query<{ task: { comments: { body: string }[] } }>(page, "task.get", { projectId, taskId });
  expect(stored.task.comments.map((c) => c.body)).toEqual(["Said once"]);
});
