import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { addTask, boardWithTasks, card, createProject, mutate } from "./board-helpers";
import { expect, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/analytics-${name}.png`, fullPage: true });
const command = () => ({ commandId: crypto.randomUUID() });
/** The chart as one image for assistive technology (recharts' legend icons are images of their own inside it). */
const chartImage = (panel: Locator) => panel.locator("div[role=img]");

/** Clicks a panel's CSV button and returns the file's name and text (without the byte order mark). */
async function downloadCsv(page: Page, panel: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Download CSV of ${panel}` }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  return { name: download.suggestedFilename(), lines: text.slice(1).trimEnd().split("\r\n") };
}

test("flow analytics: charts, their numbers as CSV, and the log as of an earlier instant", async ({ signedInPage: page }) => {
  test.setTimeout(120_000);
  await createProject(page, "Flow metrics");
  for (const title of ["Spec", "Build", "Ship", "Polish"]) await addTask(page, "To do", title);
  await page.keyboard.press("Escape");

  const projectId = new URL(page.url()).pathname.split("/").pop()!;
  const board = await boardWithTasks<{ columns: { id: string; name: string; tasks: { id: string; title: string }[] }[] }>(page, projectId, 4);
  const columnId = Object.fromEntries(board.columns.map((c) => [c.name, c.id]));
  const taskId = Object.fromEntries(board.columns[0]!.tasks.map((t) => [t.title, t.id]));
  const move = (title: string, to: string) => mutate(page, "task.move", { ...command(), projectId, taskId: taskId[title], toColumnId: columnId[to], afterTaskId: null });

  await move("Spec", "In progress");
  await move("Ship", "In progress");
  const beforeDone = new Date();
  await move("Spec", "Done");
  await move("Build", "Done");
  await mutate(page, "task.archive", { ...command(), projectId, taskId: taskId.Build });
  // Reopened and done again: it counts once, from its last entry into Done.
  await move("Spec", "Review");
  await move("Spec", "Done");

  await page.reload();
  await expect(card(page, "Spec")).toBeVisible();
  await page.getByRole("link", { name: "Analytics" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/analytics$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flow analytics: Flow metrics");
  await expect(page.getByRole("region", { name: "Definitions" })).toContainText("From the task's creation to the last time it entered “Done”.");

  // Today, sampled hourly (the browser runs in UTC): the URL holds the view, so it can be shared.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("From", { exact: true }).fill(today);
  await page.getByLabel("Flow diagram samples").selectOption("hour");
  await expect(page).toHaveURL(new RegExp(`from=${today}.*bucket=hour`));

  for (const name of ["Cumulative flow", "Lead and cycle time distribution", "Throughput per week", "Time in each column"]) {
    const panel = page.getByRole("region", { name });
    await expect(panel.locator(".recharts-wrapper > svg")).toBeVisible();
    await expect(chartImage(panel)).toHaveAttribute("aria-label", /\S/);
  }
  const completed = page.getByRole("region", { name: "Completed tasks" });
  await expect(completed.getByRole("row")).toHaveCount(3);
  await expect(completed.getByRole("row").nth(1)).toContainText("Spec");
  await expect(completed.getByRole("row").nth(2)).toContainText("Build");

  const flow = await downloadCsv(page, "cumulative flow");
  expect(flow.name).toBe(`flow-metrics-cumulative-flow-${today}-to-${today}.csv`);
  expect(flow.lines[0]).toBe("Instant,To do,In progress,Review,Done");
  // The last sample is now: Polish waits, Ship is in progress, Spec is done and Build was archived in Done.
  expect(flow.lines.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,1,1,0,2$/);
  expect(flow.lines.length).toBe(new Date().getUTCHours() + 3);

  const throughput = await downloadCsv(page, "throughput per week");
  expect(throughput.lines[0]).toBe("Week starting,From,To,Completed");
  expect(throughput.lines.slice(1).map((line) => line.split(",").at(-1))).toEqual(["2"]);

  const tasks = await downloadCsv(page, "completed tasks");
  expect(tasks.lines[0]).toBe("Task,Created,Started,Completed,Lead time (days),Cycle time (days),Archived");
  expect(tasks.lines.slice(1).map((line) => [line.split(",")[0], line.split(",").at(-1)])).toEqual([
    ["Spec", "no"],
    ["Build", "yes"],
  ]);

  const columns = await downloadCsv(page, "time in each column");
  expect(columns.lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual(["To do,4", "In progress,2", "Review,1", "Done,2"]);

  await page.getByRole("region", { name: "Cumulative flow" }).getByText("Show the numbers").click();
  await expect(page.getByRole("table", { name: "Cumulative flow" })).toBeVisible();
  await page.screenshot(shot("light"));
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByRole("region", { name: "Cumulative flow" }).locator(".recharts-wrapper > svg")).toBeVisible();
  await page.screenshot(shot("dark"));
  await page.emulateMedia({ colorScheme: "light" });

  // As of an instant before anything was done: the same range, only what had happened by then.
  await page.goto(`/projects/${projectId}/analytics?from=${today}&bucket=hour&asOf=${beforeDone.toISOString()}`);
  await expect(completed).toContainText("No task was completed in this range.");
  await expect(chartImage(page.getByRole("region", { name: "Throughput per week" }))).toHaveAttribute("aria-label", /^Throughput: 0 tasks/);
  await expect(page.getByLabel("As of", { exact: true })).not.toHaveValue("");
  await page.getByRole("button", { name: "Back to now" }).click();
  await expect(completed.getByRole("row")).toHaveCount(3);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot(shot("phone"));
});
