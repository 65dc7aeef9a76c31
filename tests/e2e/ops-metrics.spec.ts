import { addTask, createProject } from "./board-helpers";
import { expect, grantOperator, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

test("the metrics page refuses a user who is not an operator, as the operations page does", async ({ signedInPage: page }) => {
  for (const path of ["/ops", "/ops/metrics"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  }
  expect((await page.request.get("/api/metrics")).status()).toBe(404);
});

test("an operator watches events/s, latency, errors, dead letters, snapshots and lag move live", async ({ signedInPage: page, account }) => {
  test.setTimeout(60_000);
  await grantOperator(account.email);
  await createProject(page, "Metrics under load");
  for (const title of ["Scrape me", "Chart me", "Count me"]) await addTask(page, "To do", title);

  await page.goto("/ops/metrics");
  await expect(page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  for (const title of ["Events appended / s", "Append latency", "Projection handler errors / s", "Dead letters", "Snapshots per day", "Projection lag (events)"]) {
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  // Samples come every 5 s and the page polls: the appends above show up as a peak, their latency as a p95.
  await expect(page.getByRole("img", { name: /^Events appended per second .*peak [1-9]/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("img", { name: /^Append latency .*p95 now [\d.]+ ms/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^task_list/ })).toBeVisible();
  await expect(page.locator(".recharts-line-curve").first()).toBeVisible();
  await page.screenshot(shot("ops-metrics"));

  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot(shot("ops-metrics-dark"));

  // Prometheus reads the same registry with the operator's session.
  const scrape = await page.request.get("/api/metrics");
  expect(scrape.status()).toBe(200);
  expect(await scrape.text()).toMatch(/^chronoboard_events_appended_total\{event_type="TaskCreated"\} [1-9]/m);
});
