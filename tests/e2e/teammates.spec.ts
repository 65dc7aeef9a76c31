import type { Browser, Page } from "@playwright/test";
import { card, column, query } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, type TestAccount, test } from "./fixtures";
import { desktop, expectNoAxeViolations, phone, schemes, screen } from "./ui-checks";

type BoardAnswer = { columns: { id: string; name: string; tasks: { id: string; title: string }[] }[] };

/** A tRPC mutation over HTTP as the page's user, returning its answer (seeding goes through the API: it is quick). */
async function call<T = unknown>(page: Page, path: string, input: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: { commandId: crypto.randomUUID(), ...input } } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A signed-up user in a browser context of their own. */
async function teammate(browser: Browser, baseURL: string, label: string) {
  const account = freshAccount(label);
  const context = await browser.newContext({ ...desktop, baseURL });
  const page = await context.newPage();
  await signUpViaApi(page, account, baseURL);
  return { account, context, page };
}

/** The owner's project with two tasks (one labelled "bug") and a teammate who is a member of it. */
async function sharedBoard(page: Page, owner: TestAccount, browser: Browser, baseURL: string) {
  const { projectId } = await call<{ projectId: string }>(page, "project.create", { name: "Teammates" });
  const board = await query<BoardAnswer>(page, "board.get", { projectId });
  const [todo, doing] = board.columns;
  await call(page, "task.create", { projectId, columnId: todo!.id, title: "Write the spec", labels: ["bug", "docs"] });
  await call(page, "task.create", { projectId, columnId: todo!.id, title: "Ship it" });
  const other = await teammate(browser, baseURL, "bilal");
  await call(page, "project.addMember", { projectId, email: other.account.email, role: "member" });
  const tasks = Object.fromEntries((await query<BoardAnswer>(page, "board.get", { projectId })).columns[0]!.tasks.map((t) => [t.title, t.id]));
  return { projectId, todo: todo!.id, doing: doing!.id, tasks, other, owner };
}

test("a teammate's change is pointed out on the card with their name for about five seconds and announced; your own is not", async ({
  signedInPage: page,
  account,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize(desktop.viewport);
  const { projectId, doing, tasks, other } = await sharedBoard(page, account, browser, baseURL!);
  await page.goto(`/projects/${projectId}`);
  await other.page.goto(`/projects/${projectId}`);
  for (const p of [page, other.page]) await expect(p.locator("[data-live]")).toHaveText("Live");

  // The teammate moves a card: the owner sees who did it, and a screen reader hears it once, politely.
  await call(other.page, "task.move", { projectId, taskId: tasks["Write the spec"], toColumnId: doing, afterTaskId: null });
  const moved = card(column(page, "In progress"), "Write the spec");
  const badge = page.locator("[data-teammate-change]");
  await expect(badge).toHaveText(`${other.account.name} moved this`);
  await expect(moved.locator("[data-teammate-change]")).toBeVisible();
  await expect(page.locator("[data-teammate-announcer]")).toHaveText(`${other.account.name} moved “Write the spec”`);
  await expect(page.locator("[data-teammate-announcer]")).toHaveAttribute("aria-live", "polite");
  // The card's name (what a screen reader reads on it) stays its own.
  await expect(moved).toHaveAccessibleName(/^Write the spec/);
  await expect(moved).not.toHaveAccessibleName(/moved this/);
  const shownAt = Date.now();
  // Their own change is not pointed out to them.
  await expect(card(column(other.page, "In progress"), "Write the spec")).toBeVisible();
  await expect(other.page.locator("[data-teammate-change]")).toHaveCount(0);
  await screen(page, "teammates-highlight");
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page, "board with a teammate's mark (dark)");
  await screen(page, "teammates-highlight");
  await page.emulateMedia({ colorScheme: "light" });

  // The owner edits the other card: the teammate sees it, the owner does not.
  await call(page, "task.changePriority", { projectId, taskId: tasks["Ship it"], priority: "high" });
  await expect(other.page.locator("[data-teammate-change]")).toHaveText(`${account.name} changed this`);
  await expect(card(column(page, "To do"), "Ship it").locator("[data-teammate-change]")).toHaveCount(0);

  // The mark goes after about five seconds.
  await expect(badge).toHaveCount(0, { timeout: 8000 });
  expect(Date.now() - shownAt).toBeGreaterThan(3500);
  await other.context.close();
});

test("labels keep the colour a teammate chose, on cards, in the task panel and the filter bar, readable in light and dark", async ({
  signedInPage: page,
  account,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize(desktop.viewport);
  const { projectId, other } = await sharedBoard(page, account, browser, baseURL!);
  // More members than avatars: the rest are a "+N" that names them.
  for (const name of ["chen", "dana", "emeka", "farah", "goran"]) {
    const extra = await teammate(browser, baseURL!, name);
    await call(page, "project.addMember", { projectId, email: extra.account.email, role: "viewer" });
    await extra.context.close();
  }
  await page.goto(`/projects/${projectId}`);
  await other.page.goto(`/projects/${projectId}`);
  await expect(page.locator("[data-live]")).toHaveText("Live");
  const chip = (p: Page, label: string) => card(column(p, "To do"), "Write the spec").locator(`[data-label-colour]`, { hasText: label });
  await expect(chip(page, "bug")).toHaveAttribute("data-label-colour", "none");

  // The teammate picks a colour in the task panel.
  await card(column(other.page, "To do"), "Write the spec").click();
  const panel = other.page.getByRole("dialog");
  await panel.getByRole("button", { name: "Colour of label bug: none" }).click();
  await panel.getByRole("group", { name: "Colours for label bug" }).getByRole("button", { name: "red" }).click();
  await expect(panel.getByRole("button", { name: "Colour of label bug: red" })).toBeVisible();
  await panel.getByRole("button", { name: "Colour of label docs: none" }).click();
  await panel.getByRole("group", { name: "Colours for label docs" }).getByRole("button", { name: "teal" }).click();
  await expect(panel.locator('[data-label-colour="teal"]')).toHaveText(/docs/);

  // The owner's board follows live, and so does the filter bar.
  await expect(chip(page, "bug")).toHaveAttribute("data-label-colour", "red");
  await expect(chip(page, "docs")).toHaveAttribute("data-label-colour", "teal");
  await page.getByLabel("Label", { exact: true }).selectOption("bug");
  await expect(page.getByRole("search").locator('[data-swatch="red"]')).toBeVisible();
  const more = page.getByRole("list", { name: "Members" }).locator("[data-more-members]");
  await expect(more).toHaveText(/^\+2/);
  await expect(page.getByRole("list", { name: "Members" }).getByRole("listitem")).toHaveCount(6);
  // "+2" is a button that lists them (name and role) for keyboards, touch and screen readers alike.
  const moreButton = more.getByRole("button", { name: "+2 more members" });
  const moreList = page.getByRole("list", { name: "2 more members" });
  await expect(moreButton).toHaveAttribute("aria-expanded", "false");
  await moreButton.focus();
  await page.keyboard.press("Enter");
  await expect(moreButton).toHaveAttribute("aria-expanded", "true");
  await expect(moreList.getByRole("listitem")).toHaveCount(2);
  for (const item of await moreList.getByRole("listitem").all()) await expect(item).toHaveText(/^E\d+E2E [a-z]+ \d+, (Viewer|Owner|Member)$/);
  await page.keyboard.press("Escape");
  await expect(moreList).toBeHidden();
  await expect(moreButton).toBeFocused();

  // A colour outside the palette is refused with a 400 that says what is allowed.
  const refused = await page.request.post("/api/trpc/project.setLabelColour", {
    data: { json: { projectId, commandId: crypto.randomUUID(), label: "bug", colour: "#ff0000" } },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("Choose one of the label colours");

  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    await other.page.emulateMedia({ colorScheme });
    await moreButton.click();
    await expectNoAxeViolations(page, `board with coloured labels and the other members (${colorScheme})`);
    await expectNoAxeViolations(other.page, `task panel with coloured labels (${colorScheme})`);
    await screen(page, "teammates-more-members");
    await page.keyboard.press("Escape");
    await expect(moreList).toBeHidden();
    await screen(page, "teammates-labels-board");
    await screen(other.page, "teammates-labels-panel");
  }
  await other.context.close();

  // The phone, light and dark.
  const phoneContext = await browser.newContext({ ...phone, baseURL, storageState: await page.context().storageState() });
  const onPhone = await phoneContext.newPage();
  await onPhone.goto(`/projects/${projectId}`);
  await expect(chip(onPhone, "bug")).toHaveAttribute("data-label-colour", "red");
  for (const colorScheme of schemes) {
    await onPhone.emulateMedia({ colorScheme });
    await expectNoAxeViolations(onPhone, `board on a phone (${colorScheme})`);
    await screen(onPhone, "teammates-labels-board");
    // A tap shows the other members, whole on the screen; a tap elsewhere hides them.
    await onPhone.getByRole("button", { name: "+2 more members" }).tap();
    const phoneList = onPhone.getByRole("list", { name: "2 more members" });
    await expect(phoneList.getByRole("listitem")).toHaveCount(2);
    const box = (await phoneList.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(onPhone, `the other members on a phone (${colorScheme})`);
    await screen(onPhone, "teammates-more-members");
    await onPhone.getByRole("heading", { name: "Teammates" }).tap();
    await expect(phoneList).toBeHidden();
  }
  await phoneContext.close();
});
