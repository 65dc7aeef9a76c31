import { addTask, card, column, createProject, drag, mutate } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

test("a move in one browser appears in another browser on the same board without a reload", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A second person in a separate browser context (own cookies), added to the project as a member.
  const other = freshAccount("teammate");
  const otherContext = await browser.newContext({ baseURL });
  const otherPage = await otherContext.newPage();
  await signUpViaApi(otherPage, other, baseURL!);

  await createProject(page, "Live board");
  await addTask(page, "To do", "Shared card");
  await page.keyboard.press("Escape");
  const projectId = page.url().split("/").pop()!;
  await mutate(page, "project.addMember", { projectId, commandId: crypto.randomUUID(), email: other.email, role: "member" });

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
