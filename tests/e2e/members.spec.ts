import { createProject } from "./board-helpers";
import type { Page } from "@playwright/test";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

/** The page's message bar (Next's route announcer is an alert too). */
const notice = (page: Page) => page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));

test("owners add members by email, change their roles and remove them; the history says who did what", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  // Two browsers and a dozen round trips; the shared CI machine can be slow.
  test.setTimeout(120_000);
  const colleague = freshAccount("colleague");
  const colleaguePage = await browser.newPage({ baseURL });
  await signUpViaApi(colleaguePage, colleague, baseURL!);

  await createProject(page, "Members");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members: Members");

  const form = page.getByRole("form", { name: "Add a member" });
  await form.getByLabel("Email").fill("nobody-here@example.com");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(notice(page)).toContainText("No one has signed up with nobody-here@example.com yet");

  await form.getByLabel("Email").fill(colleague.email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add member" }).click();
  const role = page.getByLabel(`Role of ${colleague.name}`);
  await expect(role).toHaveValue("viewer");
  await expect(form.getByLabel("Email")).toHaveValue("");

  await colleaguePage.goto("/projects");
  await expect(colleaguePage.getByRole("link", { name: /Members/ })).toBeVisible();

  await role.selectOption("admin");
  await expect(role).toHaveValue("admin");
  // The last owner cannot step down; the server's reason is shown.
  await page.getByLabel(/Role of E2E user/).selectOption("member");
  await expect(notice(page)).toContainText("A project needs at least one owner");
  await expect(page.getByLabel(/Role of E2E user/)).toHaveValue("owner");
  await page.screenshot({ path: "test-results/members.png", fullPage: true });

  await page.getByRole("button", { name: `Remove ${colleague.name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the board" }).click();
  await page.getByRole("link", { name: "History", exact: true }).click();
  const log = page.getByRole("table");
  await expect(log).toContainText(`removed ${colleague.name} (Admin) from the project`);
  await expect(log).toContainText(`changed ${colleague.name}’s role from Viewer to Admin`);
  await page.screenshot({ path: "test-results/members-history.png", fullPage: true });

  await colleaguePage.goto("/projects");
  await expect(colleaguePage.getByRole("link", { name: /Members/ })).toHaveCount(0);
  await colleaguePage.close();
});
