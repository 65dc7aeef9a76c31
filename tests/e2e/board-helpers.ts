import type { Locator, Page } from "@playwright/test";
import { decodeCards } from "../../components/trpc/card-wire";
import { expect } from "./fixtures";

export const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
export const card = (scope: Page | Locator, title: string) => scope.getByRole("button", { name: new RegExp(`^${title}`) });

export async function createProject(page: Page, name: string) {
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await page.getByLabel("Project name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

export async function addTask(page: Page, columnName: string, title: string) {
  const target = column(page, columnName);
  const input = target.getByLabel(`New task title in ${columnName}`);
  if (!(await input.isVisible())) await target.getByRole("button", { name: "Add task" }).click();
  await input.fill(title);
  await input.press("Enter");
  await expect(card(target, title)).toBeVisible();
  await expect(input).toHaveValue("");
}

/** dnd-kit's mouse sensor needs real intermediate moves: first past its 5px threshold, then to the target. */
export async function drag(page: Page, source: Locator, target: Locator) {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(40, to.height / 2), { steps: 20 });
  await page.mouse.up();
}

/**
 * Drives a card with the keyboard from its focus: each key, then the screen-reader announcement it should bring.
 * Waiting for each announcement matters, as the columns re-measure after a card crosses over.
 */
export async function keyboardDrag(page: Page, source: Locator, steps: [key: string, announced: string][]) {
  const announcer = page.locator("[id^=DndLiveRegion]");
  await source.focus();
  for (const [key, announced] of steps) {
    await page.keyboard.press(key);
    await expect(announcer).toContainText(announced);
  }
}

/** Calls a tRPC mutation over HTTP the way another browser tab would (superjson body). */
export async function mutate(page: Page, path: string, input: Record<string, unknown>) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
}


/**
 * Calls a tRPC query over HTTP (superjson envelope in and out) and returns its data as JSON, with the card
 * lists that boards send field by field (server/api/board/card-wire.ts) as lists of cards again.
 */
export async function query<T>(page: Page, path: string, input: Record<string, unknown>): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
  const { json, meta } = ((await response.json()) as { result: { data: { json: T; meta?: { values?: Record<string, unknown> } } } }).result.data;
  for (const [path, annotation] of Object.entries(meta?.values ?? {})) {
    if (JSON.stringify(annotation) !== '[["custom","cards"]]') continue;
    const keys = path.split(".");
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, json as Record<string, unknown>);
    const last = keys.at(-1)!;
    parent[last] = JSON.parse(JSON.stringify(decodeCards((parent[last] as { text: string }).text)));
  }
  return json;
}

/**
 * The board from its read model once it holds at least `tasks` tasks. A card shows as soon as its command commits,
 * while the read model behind board.get follows a moment later (it waits only when given the command's position).
 */
export async function boardWithTasks<T extends { columns: { tasks: unknown[] }[] }>(page: Page, projectId: string, tasks: number): Promise<T> {
  let board: T | undefined;
  await expect
    .poll(async () => {
      board = await query<T>(page, "board.get", { projectId });
      return board.columns.reduce((n, c) => n + c.tasks.length, 0);
    })
    .toBeGreaterThanOrEqual(tasks);
  return board!;
}

/** How many events of a type a task's log holds, read from the server (task.get's history). */
export async function countTaskEvents(page: Page, projectId: string, taskId: string, type: string) {
  const task = await query<{ history: { type: string }[] }>(page, "task.get", { projectId, taskId });
  return task.history.filter((entry) => entry.type === type).length;
}
