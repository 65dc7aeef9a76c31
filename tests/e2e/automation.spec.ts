import type { Page } from "@playwright/test";
import { addTask, card, column, createProject } from "./board-helpers";
import { expect, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/automation-${name}.png`, fullPage: true });

async function addRule(page: Page, rule: { name: string; when?: string; column?: string; then: string; field: string; value: string }) {
  const form = page.getByRole("form", { name: "Add a rule" });
  await form.getByLabel("Name").fill(rule.name);
  if (rule.when) await form.getByLabel("When").selectOption({ label: rule.when });
  if (rule.column) await form.getByLabel("Column", { exact: true }).selectOption({ label: rule.column });
  await form.getByLabel("Then").selectOption({ label: rule.then });
  await form.getByLabel(rule.field, { exact: true }).selectOption({ label: rule.value });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("list", { name: "Rules" })).toContainText(rule.name);
}

test("an admin defines rules, moves a card, and sees automation act on it", async ({ signedInPage: page, account }) => {
  test.setTimeout(120_000);
  await createProject(page, "Pipeline");
  await page.getByRole("navigation", { name: "Project history" }).getByRole("link", { name: "Automation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Automation: Pipeline");
  await expect(page.getByText("No rules yet.")).toBeVisible();

  await addRule(page, { name: "Reviews are urgent", column: "Review", then: "Set the priority", field: "Priority", value: "Urgent" });
  await addRule(page, { name: "Approved work is done", when: "The reviewer approves a task", then: "Move to a column", field: "To column", value: "Done" });
  const rules = page.getByRole("list", { name: "Rules" });
  await expect(rules.getByRole("listitem")).toHaveText([
    /When a task enters Review, set its priority to Urgent\./,
    /When the reviewer approves a task, move it to Done\./,
  ]);
  await page.screenshot(shot("light"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(rules.getByRole("listitem")).toHaveCount(2);
  await page.screenshot(shot("dark"));
  await page.emulateMedia({ colorScheme: "light" });

  // A card moved into Review becomes urgent, by the rule, in the background.
  await page.getByRole("link", { name: "Back to the board" }).click();
  await addTask(page, "To do", "Ship feature");
  await page.keyboard.press("Escape");
  await card(page, "Ship feature").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Column", { exact: true }).selectOption({ label: "Review" });
  await expect(card(column(page, "Review"), "Ship feature")).toContainText("Urgent", { timeout: 15_000 });
  const history = dialog.getByRole("region", { name: "History" });
  await expect(history.getByTestId("automation-cause")).toContainText("Automation: rule “Reviews are urgent”, after Task moved");
  await expect(history).toContainText("Automation set the priority to Urgent");

  // The reviewer approves; the second rule moves the card to Done.
  await dialog.getByLabel("Reviewer", { exact: true }).selectOption({ label: account.name });
  await expect(dialog.getByRole("status").filter({ hasText: "Waiting for review" })).toBeVisible();
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(card(column(page, "Done"), "Ship feature")).toBeVisible({ timeout: 15_000 });
  await expect(history.getByTestId("automation-cause").filter({ hasText: "Approved work is done" })).toContainText("after Task approved");
  await page.screenshot(shot("task-panel"));
});
