import type { Page, Request } from "@playwright/test";
import { addTask, card, column, createProject, drag, query } from "./board-helpers";
import { expect, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/offline-${name}.png`, fullPage: true });

type Sent = { path: string; commandId: string; at: number };
type BoardAnswer = { columns: { name: string; tasks: { id: string; title: string; priority: string }[] }[] };

/** Every command the page sends (tRPC batches name their procedures in the URL, inputs by index in the body). */
function recordCommands(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on("request", (request: Request) => {
    const match = /\/api\/trpc\/([^?]+)/.exec(request.url());
    if (request.method() !== "POST" || !match) return;
    const paths = decodeURIComponent(match[1]!).split(",");
    const body = request.postDataJSON() as Record<string, { json?: { commandId?: string } }>;
    paths.forEach((path, i) => {
      const commandId = body[String(i)]?.json?.commandId;
      if (commandId) sent.push({ path, commandId, at: Date.now() });
    });
  });
  return sent;
}

const tasksNamed = (board: BoardAnswer, title: string) => board.columns.flatMap((c) => c.tasks.filter((t) => t.title === title).map((t) => ({ ...t, column: c.name })));

test("offline: the page says so at once, changes wait as pending and are sent once, in order, when the connection returns", async ({
  signedInPage: page,
  context,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await createProject(page, "Train ride");
  const projectId = page.url().split("/").pop()!;
  await addTask(page, "To do", "Pack the charger");
  await addTask(page, "To do", "Book the seats");
  await page.keyboard.press("Escape");
  const badge = page.locator("[data-live]");
  await expect(badge).toHaveText("Live");
  const sent = recordCommands(page);

  await context.setOffline(true);
  const wentOffline = Date.now();
  await expect(badge).toContainText("Offline", { timeout: 2_000 });
  expect(Date.now() - wentOffline).toBeLessThan(2_000);

  // A priority change shows the same on the panel and on the card.
  await card(column(page, "To do"), "Book the seats").click();
  const panel = page.getByRole("dialog");
  await panel.getByLabel("Priority", { exact: true }).selectOption("high");
  await expect(panel.getByLabel("Priority", { exact: true })).toHaveValue("high");
  await page.keyboard.press("Escape");
  const edited = card(column(page, "To do"), "Book the seats");
  await expect(edited).toContainText("High");
  await expect(edited).toContainText("Not sent yet");
  await edited.click();
  await expect(panel.getByLabel("Priority", { exact: true })).toHaveValue("high");
  await page.keyboard.press("Escape");

  // A drag is kept and marked as not sent, not accepted silently.
  await drag(page, card(column(page, "To do"), "Pack the charger"), column(page, "In progress").getByRole("list", { name: "Tasks in In progress" }));
  const moved = card(column(page, "In progress"), "Pack the charger");
  await expect(moved).toContainText("Not sent yet: waiting for the connection");

  // A new task: the field clears at once and the task waits below the cards.
  const todo = column(page, "To do");
  await todo.getByRole("button", { name: "Add task" }).click();
  const input = todo.getByLabel("New task title in To do");
  await input.fill("Buy a sandwich");
  await input.press("Enter");
  await expect(input).toHaveValue("");
  await expect(todo.getByRole("list", { name: "Tasks being added to To do" })).toContainText("Buy a sandwich");
  await expect(todo.getByRole("list", { name: "Tasks being added to To do" })).toContainText("Not sent yet");
  await expect(badge).toHaveText("Offline · 3 changes will be sent when you reconnect");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.screenshot(shot("pending-desktop"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot(shot("pending-desktop-dark"));
  await page.emulateMedia({ colorScheme: "light" });
  expect(sent, "nothing is sent while offline").toEqual([]);

  await context.setOffline(false);
  await expect(badge).toHaveText("Live", { timeout: 15_000 });
  await expect(card(column(page, "To do"), "Buy a sandwich")).toHaveCount(1);
  await expect(page.locator("[data-pending], [data-adding-task]")).toHaveCount(0);
  await expect(card(column(page, "In progress"), "Pack the charger")).toBeVisible();
  await expect(card(column(page, "To do"), "Book the seats")).toContainText("High");

  // Sent in the order they were made, each command once.
  expect(sent.map((s) => s.path)).toEqual(["task.changePriority", "task.move", "task.create"]);
  // Polled: the read model behind board.get follows the commits a moment later.
  await expect
    .poll(async () => {
      const board = await query<BoardAnswer>(page, "board.get", { projectId });
      return ["Pack the charger", "Book the seats", "Buy a sandwich"].map((title) => tasksNamed(board, title));
    })
    .toMatchObject([[{ column: "In progress" }], [{ column: "To do", priority: "high" }], [{ column: "To do" }]]);
});

test("a change whose answer is lost is sent again with the same command id and applied once", async ({ signedInPage: page, context }) => {
  test.setTimeout(90_000);
  await createProject(page, "Tunnel");
  const projectId = page.url().split("/").pop()!;
  await addTask(page, "To do", "Signal drops");
  await page.keyboard.press("Escape");
  const sent = recordCommands(page);
  // The server applies the move, but the connection drops before its answer arrives.
  let cut = false;
  await page.route("**/api/trpc/task.move**", async (route) => {
    if (cut) return route.continue();
    cut = true;
    await route.fetch();
    await context.setOffline(true);
    await route.abort("internetdisconnected");
  });
  await card(column(page, "To do"), "Signal drops").click();
  await page.getByRole("dialog").getByLabel("Column", { exact: true }).selectOption({ label: "Done" });
  await expect(page.locator("[data-live]")).toContainText("Offline");
  await page.keyboard.press("Escape");
  await expect(card(column(page, "Done"), "Signal drops")).toContainText("Not sent yet");

  await context.setOffline(false);
  await expect(page.locator("[data-pending]")).toHaveCount(0, { timeout: 15_000 });
  await expect(card(column(page, "Done"), "Signal drops")).toBeVisible();
  const moves = sent.filter((s) => s.path === "task.move");
  expect(moves).toHaveLength(2);
  expect(moves[1]!.commandId).toBe(moves[0]!.commandId);
  const board = await query<BoardAnswer>(page, "board.get", { projectId });
  const [task] = tasksNamed(board, "Signal drops");
  const detail = await query<{ history: { type: string }[] }>(page, "task.get", { projectId, taskId: task!.id });
  expect(detail.history.filter((e) => e.type === "TaskMoved")).toHaveLength(1);
  await expect(page.getByText("Could not reach the server")).toHaveCount(0);
});

test("three titles typed at full speed on a slow connection give exactly three cards, in order", async ({ signedInPage: page }) => {
  test.setTimeout(90_000);
  await createProject(page, "Fast typist");
  const projectId = page.url().split("/").pop()!;
  await page.route("**/api/trpc/task.create**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  const todo = column(page, "To do");
  await todo.getByRole("button", { name: "Add task" }).click();
  const input = todo.getByLabel("New task title in To do");
  await input.focus();
  await page.keyboard.type("Write the intro\nDraw the diagram\nProofread\n");
  await expect(input).toHaveValue("");
  // Each shows at once as being added (the slow answers come one after another).
  await expect(todo.getByRole("list", { name: "Tasks being added to To do" })).toContainText("Proofread");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot("adding-phone"));
  await page.setViewportSize({ width: 1440, height: 900 });

  const cards = todo.getByRole("list", { name: "Tasks in To do" }).getByRole("button");
  await expect(cards).toHaveCount(3, { timeout: 15_000 });
  await expect(cards.nth(0)).toContainText("Write the intro");
  await expect(cards.nth(1)).toContainText("Draw the diagram");
  await expect(cards.nth(2)).toContainText("Proofread");
  await expect(todo.locator("[data-adding-task]")).toHaveCount(0);
  await expect
    .poll(async () => (await query<BoardAnswer>(page, "board.get", { projectId })).columns.flatMap((c) => c.tasks.map((t) => t.title)))
    .toEqual(["Write the intro", "Draw the diagram", "Proofread"]);
});

test("a title over 200 characters is counted and refused with the reason, never cut", async ({ signedInPage: page }) => {
  test.setTimeout(60_000);
  await createProject(page, "Long titles");
  const todo = column(page, "To do");
  await todo.getByRole("button", { name: "Add task" }).click();
  const input = todo.getByLabel("New task title in To do");
  const long = "x".repeat(230);
  await input.fill(long);
  await expect(todo.getByText("230 / 200")).toBeVisible();
  await input.press("Enter");
  await expect(todo.getByRole("alert")).toHaveText("Titles can be at most 200 characters; this one has 230. Shorten it by 30 to save it.");
  await expect(input).toHaveValue(long);
  await expect(todo.locator("[data-adding-task]")).toHaveCount(0);
  await page.screenshot(shot("title-too-long"));
  await input.fill("y".repeat(200));
  await input.press("Enter");
  await expect(card(todo, "y".repeat(200))).toBeVisible();
});
