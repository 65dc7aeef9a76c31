import { addTask, card, column, createProject, keyboardDrag, mutate, query } from "./board-helpers";
import { expect, test } from "./fixtures";

type Board = { columns: { id: string; name: string; tasks: { title: string }[] }[] };

test("a long column draws only the cards in view, scrolls to the others and sorts them with the keyboard", async ({
  signedInPage: page,
}) => {
  test.setTimeout(90_000);
  await createProject(page, "Long column");
  const projectId = page.url().split("/").pop()!;
  const todo = (await query<Board>(page, "board.get", { projectId })).columns.find((c) => c.name === "To do")!;
  for (let i = 1; i <= 60; i++) {
    await mutate(page, "task.create", { projectId, commandId: crypto.randomUUID(), columnId: todo.id, title: `Item ${String(i).padStart(2, "0")}` });
  }
  await page.reload();

  const list = column(page, "To do").getByRole("list", { name: "Tasks in To do" });
  await expect(column(page, "To do").getByText("60 tasks")).toBeAttached();
  await expect(card(list, "Item 01")).toBeVisible();
  // Screen readers still hear each card's place in the whole column.
  await expect(list.getByRole("listitem").first()).toHaveAttribute("aria-setsize", "60");
  const drawn = await list.locator("[data-task-id]").count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);
  await expect(card(list, "Item 60")).toHaveCount(0);

  // Scrolling the column brings the last cards in; the first ones leave the page.
  await list.hover();
  await page.mouse.wheel(0, 10_000);
  await expect(card(list, "Item 60")).toBeVisible();
  await expect(card(list, "Item 01")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/long-column.png" });

  // The last card moves up one place with the keyboard; the server has it there.
  await keyboardDrag(page, card(list, "Item 60"), [
    ["Space", "Picked up “Item 60” at position 60 of 60 in To do."],
    ["ArrowUp", "“Item 60” is over position 59 of 60 in To do."],
    ["Space", "Dropped “Item 60” at position 59 of 60 in To do."],
  ]);
  await expect
    .poll(async () => (await query<Board>(page, "board.get", { projectId })).columns[0]!.tasks.slice(-2).map((t) => t.title))
    .toEqual(["Item 60", "Item 59"]);
  await expect(card(list, "Item 60")).toBeFocused();

  // Tab walks on past the cards first drawn: each card focused scrolls the ones after it in.
  await page.mouse.wheel(0, -10_000);
  await card(list, "Item 01").focus();
  for (let n = 2; n <= 26; n++) {
    const next = card(list, `Item ${String(n).padStart(2, "0")}`);
    // At a person's pace: the card is drawn (the column has caught up with the scroll) before Tab goes on.
    await expect(next).toBeAttached();
    await page.keyboard.press("Tab");
    await expect(next).toBeFocused();
  }

  // A task added at the foot of the long column is scrolled into view.
  await page.mouse.wheel(0, -10_000);
  await addTask(page, "To do", "Added at the foot");

  // A card held near the foot of the column scrolls the column (before the page, which can scroll too here).
  await page.setViewportSize({ width: 1280, height: 600 });
  await list.hover();
  await page.mouse.wheel(0, -10_000);
  await page.evaluate(() => window.scrollTo(0, 0));
  const from = (await card(list, "Item 01").boundingBox())!;
  const scroller = (await list.locator("..").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 3 });
  await page.mouse.move(scroller.x + scroller.width / 2, scroller.y + scroller.height - 6, { steps: 10 });
  // Scrolled past the first screenful of cards (about 6 here); without auto-scroll it stays at 0.
  await expect.poll(() => list.locator("..").evaluate((element) => element.scrollTop)).toBeGreaterThan(600);
  await page.mouse.move(scroller.x + scroller.width / 2, scroller.y + scroller.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => (await query<Board>(page, "board.get", { projectId })).columns[0]!.tasks.findIndex((t) => t.title === "Item 01"))
    .toBeGreaterThan(8);

  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screens/long-column-dark.png" });
});
