import { addTask, card, column, createProject } from "./board-helpers";
import { expect, test } from "./fixtures";
import { expectNoSidewaysScroll, phone, screen } from "./ui-checks";

test.use(phone);
// Several pages and accounts per test, on a CI machine that may be busy.
test.describe.configure({ timeout: 90_000 });

test("on a phone the header folds its links into a menu: a button that says whether it is open, Escape closes it", async ({
  signedInPage: page,
}) => {
  await page.goto("/projects");
  const banner = page.getByRole("banner");
  const menuButton = banner.getByRole("button", { name: "Menu" });
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(banner.getByRole("link", { name: "API tokens" })).toBeHidden();
  // One line: the bar is as tall as on a desktop.
  expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(58);

  await menuButton.tap();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const menu = page.locator(`#${await menuButton.getAttribute("aria-controls")}`);
  const nav = menu.getByRole("navigation", { name: "Main" });
  // Focus moves into the menu, on its first link.
  await expect(nav.getByRole("link", { name: "Projects" })).toBeFocused();
  await expect(nav.getByRole("link", { name: "Projects" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await screen(page, "phone-menu-open");

  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  // A tap outside closes it too; a link taken closes it.
  await menuButton.tap();
  await page.getByRole("heading", { level: 1, name: "Projects" }).tap();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await menuButton.tap();
  await nav.getByRole("link", { name: "API tokens" }).tap();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
});

test("on a phone the board scrolls sideways only in its strip of columns, and the task panel fills the screen", async ({
  signedInPage: page,
}) => {
  await createProject(page, "Pocket board");
  await addTask(page, "To do", "Read on a small screen");
  await expectNoSidewaysScroll(page, "the board");
  const strip = column(page, "To do").locator("xpath=..");
  const { scrollWidth, clientWidth } = await strip.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(clientWidth).toBeLessThanOrEqual(390);

  await card(column(page, "To do"), "Read on a small screen").tap();
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await expect(panel.getByLabel("Title")).toHaveValue("Read on a small screen");
  const title = (await panel.getByLabel("Title").boundingBox())!;
  expect(title.x).toBeGreaterThanOrEqual(0);
  expect(title.x + title.width).toBeLessThanOrEqual(390);
  const close = panel.getByRole("button", { name: "Close task details" });
  const box = (await close.boundingBox())!;
  // In reach: on the screen, and at least 24 px square (WCAG 2.2 target size).
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  await screen(page, "phone-task-panel");
  await close.tap();
  await expect(panel).toBeHidden();
});

test("on a phone the project's history shows each event as a card with every field", async ({ signedInPage: page }) => {
  await createProject(page, "History in hand");
  await addTask(page, "To do", "A task with a history");
  await page.goto(`${new URL(page.url()).pathname}/history`);
  const row = page.getByRole("row").filter({ hasText: "A task with a history" }).first();
  await expect(row).toBeVisible();
  await expectNoSidewaysScroll(page, "the history");
  const rowBox = (await row.boundingBox())!;
  expect(rowBox.x).toBeGreaterThanOrEqual(0);
  expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(390);
  // Every column of the desktop table is there, one under the other, each inside the screen.
  for (const cell of await row.getByRole("cell").all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.width).toBeGreaterThan(rowBox.width * 0.8);
  }
  await expect(row.getByRole("cell")).toHaveCount(4);
  await screen(page, "phone-history");
});
