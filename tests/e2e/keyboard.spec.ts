import type { Locator, Page } from "@playwright/test";
import { boardWithTasks, card, column, countTaskEvents, createProject, keyboardDrag, mutate, query } from "./board-helpers";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, schemes, screen } from "./ui-checks";

type Board = { columns: { id: string; name: string; tasks: { id: string; title: string; columnId: string }[] }[] };

/** A project whose columns hold these titles, written through the API (one reload shows them). */
async function seedBoard(page: Page, name: string, titles: Record<string, string[]>) {
  await createProject(page, name);
  const projectId = page.url().split("/").pop()!;
  const { columns } = await query<Board>(page, "board.get", { projectId });
  for (const [columnName, list] of Object.entries(titles)) {
    const columnId = columns.find((c) => c.name === columnName)!.id;
    for (const title of list) await mutate(page, "task.create", { projectId, commandId: crypto.randomUUID(), columnId, title });
  }
  await boardWithTasks(page, projectId, Object.values(titles).flat().length);
  await page.reload();
  return projectId;
}

const focusedTitle = (page: Page) => page.evaluate(() => document.activeElement?.closest("[data-task-id]")?.querySelector("p")?.textContent ?? null);

/**
 * The card's focus ring is all in sight: drawn inside the card (an outline that does not reach past its border
 * box) and the card wholly inside the visible part of its column's scroll area; the card sits in its list slot
 * (no leftover drag transform) and overlaps no other card.
 */
async function expectRingInView(target: Locator) {
  await expect(target).toBeFocused();
  // Past the drop animation of dnd-kit (250 ms).
  await expect
    .poll(() => target.evaluate((element) => getComputedStyle(element.closest("li")!).transform))
    .toBe("none");
  const measure = () => target.evaluate((element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const scroller = element.closest("ol")!.parentElement!;
    const view = scroller.getBoundingClientRect();
    const li = element.closest("li")!;
    const boxes = [...li.parentElement!.children].map((other) => other.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    return {
      focusVisible: element.matches(":focus-visible"),
      outline: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), offset: parseFloat(style.outlineOffset) },
      // The scroll area's visible inside: its box less its borders and a scroll bar.
      view: { top: view.top + scroller.clientTop, left: view.left + scroller.clientLeft, right: view.left + scroller.clientLeft + scroller.clientWidth, bottom: view.top + scroller.clientTop + scroller.clientHeight },
      box: { top: box.top, left: box.left, right: box.right, bottom: box.bottom },
      slotTop: parseFloat(li.style.top),
      placedTop: li.getBoundingClientRect().top - li.parentElement!.getBoundingClientRect().top,
      overlaps: boxes.some((b, i) => i > 0 && b.top < boxes[i - 1]!.bottom - 0.5),
    };
  });
  // The column re-measures its cards in the frames after a drop: the cards must settle in their slots.
  let geometry = await measure();
  await expect
    .poll(async () => {
      geometry = await measure();
      return !geometry.overlaps && Math.abs(geometry.placedTop - geometry.slotTop) < 1;
    })
    .toBe(true);
  expect(geometry.focusVisible).toBe(true);
  expect(geometry.outline.style).not.toBe("none");
  expect(geometry.outline.width).toBeGreaterThan(0);
  // Drawn inside the card: the outline's outer edge (offset + width past the border box) does not stick out.
  expect(geometry.outline.offset + geometry.outline.width).toBeLessThanOrEqual(0);
  const { box, view } = geometry;
  expect(box.top, "top edge in view").toBeGreaterThanOrEqual(view.top);
  expect(box.left, "left edge in view").toBeGreaterThanOrEqual(view.left);
  expect(box.right, "right edge in view").toBeLessThanOrEqual(view.right);
  expect(box.bottom, "bottom edge in view").toBeLessThanOrEqual(view.bottom);
  expect(Math.abs(geometry.placedTop - geometry.slotTop), "card in its slot").toBeLessThan(1);
  expect(geometry.overlaps, "cards overlap").toBe(false);
}

test("a card's focus ring is all in view, also after a keyboard drop", async ({ signedInPage: page }) => {
  await seedBoard(page, "Focus ring", { "To do": ["First card", "Second card", "Third card"] });
  const todo = column(page, "To do");
  await card(todo, "First card").focus();
  await expectRingInView(card(todo, "First card"));

  await keyboardDrag(page, card(todo, "First card"), [
    ["Space", "Picked up “First card”"],
    ["ArrowDown", "is over position 2 of 3"],
    ["Space", "Dropped “First card” at position 2 of 3"],
  ]);
  await expectRingInView(card(todo, "First card"));
  await page.screenshot({ path: "test-results/screens/focus-ring-after-drop.png", clip: (await todo.boundingBox())! });
});

test("a key pressed as soon as a pick-up is announced moves the card, even when the page runs its timers late", async ({ signedInPage: page }) => {
  test.setTimeout(60_000);
  // A busy device runs key presses before timers. Zero-delay timers wait here until it is their turn, in order.
  await page.addInitScript(() => {
    const setTimer = window.setTimeout;
    const late = window as Window & { timersRunLate?: boolean };
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) =>
      setTimer(handler, !delay && late.timersRunLate ? 400 : delay, ...rest)) as typeof window.setTimeout;
  });
  const projectId = await seedBoard(page, "Late timers", { "To do": ["First card", "Second card", "Third card"] });
  const todo = column(page, "To do");
  const taskId = (await card(todo, "First card").getAttribute("data-task-id"))!;
  await page.evaluate(() => ((window as Window & { timersRunLate?: boolean }).timersRunLate = true));
  await keyboardDrag(page, card(todo, "First card"), [
    ["Space", "Picked up “First card”"],
    ["ArrowDown", "is over position 2 of 3"],
    ["Space", "Dropped “First card” at position 2 of 3"],
  ]);
  await expect(todo.locator("[data-task-id] > p")).toHaveText(["Second card", "First card", "Third card"]);
  // Held keys are handed over once: one move.
  await expect.poll(() => countTaskEvents(page, projectId, taskId, "TaskMoved")).toBe(1);
});

test("j and k walk every card, into a long column's undrawn ones; a, p, l and t act on the focused card", async ({ signedInPage: page }) => {
  test.setTimeout(90_000);
  const long = Array.from({ length: 40 }, (_, i) => `Item ${String(i + 1).padStart(2, "0")}`);
  await seedBoard(page, "Walking", { "To do": long, Review: ["Review me"] });
  const list = column(page, "To do").getByRole("list", { name: "Tasks in To do" });
  await expect(card(list, "Item 01")).toBeVisible();
  // The column is long enough that its last cards are not in the page yet.
  await expect(card(list, "Item 40")).toHaveCount(0);

  const order = [...long, "Review me"];
  for (const title of order) {
    await page.keyboard.press("j");
    await expect.poll(() => focusedTitle(page)).toBe(title);
  }
  await page.keyboard.press("j");
  await expect.poll(() => focusedTitle(page)).toBe("Review me");
  await page.keyboard.press("k");
  await expect.poll(() => focusedTitle(page)).toBe("Item 40");
  await expectRingInView(card(list, "Item 40"));

  // a, p and l open the task at that field; closing gives the card its focus back.
  const panel = page.getByRole("dialog");
  for (const [key, field] of [["a", "Assignee"], ["p", "Priority"], ["l", "Labels"]] as const) {
    await page.keyboard.press(key);
    await expect(panel.getByLabel(field, { exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(panel).toHaveCount(0);
    await expect(card(list, "Item 40")).toBeFocused();
  }
  // Typing in a field is not a shortcut.
  await page.keyboard.press("/");
  await page.keyboard.type("jk");
  const search = page.getByRole("searchbox", { name: "Search tasks" });
  await expect(search).toHaveValue("jk");
  await search.fill("");
  await search.blur();

  // Every key is in the list of shortcuts.
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const action of ["Command palette", "Focus the next or previous card", "Change the assignee", "Change the priority", "Edit the labels", "Time travel"]) {
    await expect(shortcuts).toContainText(action);
  }
  await page.keyboard.press("Escape");

  await page.keyboard.press("j");
  await expect.poll(() => focusedTitle(page)).toBe("Item 01");
  await page.keyboard.press("t");
  await expect(page).toHaveURL(/asOf=/);
  await page.keyboard.press("t");
  await expect(page).not.toHaveURL(/asOf=/);
});

test("Ctrl+K opens the palette even when it comes before the close event of the Escape that closed it", async ({ signedInPage: page }) => {
  await seedBoard(page, "Palette race", { "To do": ["Only card"] });
  // Its stream is live: the page has hydrated and listens for its shortcuts.
  await expect(page.locator("[data-live]")).toHaveText("Live");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await page.keyboard.press("Control+k");
  await expect(palette.getByRole("combobox")).toBeFocused();
  // What Escape does (a cancel event, the dialog closed, its close event queued for a later task), and a Ctrl+K
  // handled before that task, as a busy browser that gives input priority may.
  // Resolves once that close event has been handled; it must not close the palette opened again.
  await page.evaluate(async () => {
    const dialog = document.querySelector<HTMLDialogElement>("dialog[open]")!;
    const closed = new Promise((resolve) => dialog.addEventListener("close", () => setTimeout(resolve, 100), { once: true }));
    dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    dialog.close();
    await Promise.resolve(); // the end of Escape's task: its microtasks (React's render of what it set) run
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "k", ctrlKey: true, bubbles: true, cancelable: true }));
    await closed;
  });
  await expect(palette.getByRole("combobox")).toBeFocused();
  await expect(palette).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
});

test("t pressed twice before the page renders the first goes back to the live board", async ({ signedInPage: page }) => {
  await seedBoard(page, "Travel race", { "To do": ["Only card"] });
  await expect(page.locator("[data-live]")).toHaveText("Live");
  // Both presses in one task: the first has changed the address, and nothing has rendered it yet, as on a busy device.
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "t", bubbles: true, cancelable: true }));
  });
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(page.locator("[data-live]")).toHaveText("Live");
  await expect(page.getByRole("button", { name: "Time travel", exact: true })).toHaveAttribute("aria-pressed", "false");
});

test("the command palette finds every action, fits a phone and passes axe in both themes", async ({ signedInPage: page }) => {
  test.setTimeout(60_000);
  const projectId = await seedBoard(page, "Palette", { "To do": ["Fix the login page", "Write release notes"] });
  const todo = column(page, "To do");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const input = palette.getByRole("combobox");

  // Opened from a focused card, it acts on that card; Escape closes it and the card has focus again.
  await card(todo, "Write release notes").focus();
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  await expect(palette.getByRole("listbox")).toBeVisible();
  for (const action of ["New task", "Search tasks", "Show keyboard shortcuts", "Toggle light and dark theme", "Open time travel", "Go to history", "Go to audit export", "Set priority: High", "Move to Done", "Edit labels…"]) {
    await expect(palette.getByRole("option", { name: action })).toHaveCount(1);
  }
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(card(todo, "Write release notes")).toBeFocused();

  // Move the focused card with the palette: the server has it in Done.
  await page.keyboard.press("Control+k");
  await input.fill("move done");
  await expect(palette.getByRole("option").first()).toHaveText("Move to Done");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect
    .poll(async () => (await query<Board>(page, "board.get", { projectId })).columns.find((c) => c.name === "Done")!.tasks.map((t) => t.title))
    .toEqual(["Write release notes"]);

  // A task by a fuzzy bit of its title.
  await page.keyboard.press("Control+k");
  await input.fill("fx lgn");
  await expect(palette.getByRole("option").first()).toHaveText("Fix the login page");
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page, `the command palette (${scheme})`);
    await screen(page, "command-palette");
  }
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Fix the login page" })).toBeVisible();
  await page.keyboard.press("Escape");

  // On a phone it fits the screen, list and all.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press("Control+k");
  await expect(input).toBeFocused();
  const box = (await palette.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await screen(page, "command-palette");
  }

  // Toggling the theme from the palette (the system's is dark now): the header's toggle shows light, also after a reload.
  await page.keyboard.press("Escape");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press("Control+k");
  await input.fill("toggle theme");
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const theme = page.getByRole("banner").getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(theme.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(theme.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
});
