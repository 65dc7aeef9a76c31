import { column, createProject } from "./board-helpers";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, expectNoSidewaysScroll, schemes, screen } from "./ui-checks";

const ROWS = 300;
/** A Jira export: ROWS good rows, then one whose title is too long (line ROWS + 2, after the header). */
const csv = [
  "Summary,Status,Priority",
  ...Array.from({ length: ROWS }, (_, i) => `Imported ${i + 1},${i % 2 ? "Done" : "In progress"},High`),
  `${"x".repeat(201)},Done,Low`,
].join("\n");
const file = { name: "jira.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };

test("imports a CSV from the board with the keyboard: bad rows block it until skipped, progress shows, the tasks arrive", async ({
  signedInPage: page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await createProject(page, "Import");
  const opener = page.getByRole("button", { name: "Import CSV" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Import tasks from CSV" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("CSV file exported from Trello or Jira").setInputFiles(file);
  await dialog.getByRole("button", { name: "Import", exact: true }).press("Enter");

  // One bad row: nothing written, the row named by its line.
  await expect(dialog.getByRole("status")).toContainText("1 bad row: nothing was written");
  const badRows = dialog.getByRole("list", { name: "Bad rows (1)" });
  await expect(badRows.getByRole("listitem")).toHaveText([`Line ${ROWS + 2}: Title is longer than 200 characters`]);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `the import dialog with a bad row (${scheme})`);
    await screen(page, "import-bad-rows");
  }
  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("[data-task-count]")).toHaveText("0 tasks");

  // Skipping it: a progress bar while the file is checked and written, then the report with the skipped row.
  const skip = dialog.getByRole("checkbox", { name: "Skip bad rows and import the rest" });
  await skip.focus();
  await page.keyboard.press("Space");
  await expect(skip).toBeChecked();
  await dialog.getByRole("button", { name: "Import", exact: true }).press("Enter");
  const progress = dialog.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(dialog.getByRole("status")).toContainText(`${ROWS.toLocaleString("en-US")} tasks created.`, { timeout: 20_000 });
  // Left full once written, with the count a screen reader reads out.
  await expect(progress).toHaveAttribute("aria-valuenow", String(ROWS));
  await expect(progress).toHaveAttribute("aria-valuetext", `${ROWS} of ${ROWS} tasks written`);
  await expect(dialog.getByRole("list", { name: "Skipped rows (1)" }).getByRole("listitem")).toHaveText([`Line ${ROWS + 2}: Title is longer than 200 characters`]);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `the import dialog's report (${scheme})`);
    await screen(page, "import-done");
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSidewaysScroll(page, "the import dialog on a phone");
    await screen(page, "import-done");
  }

  // Closed with Escape, focus back on the button; the board has every task.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.locator("[data-task-count]")).toHaveText(`${ROWS} tasks`, { timeout: 20_000 });
  await expect(column(page, "Done").getByText(`${ROWS / 2} tasks`)).toBeAttached();
});
