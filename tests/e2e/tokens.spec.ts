import { createProject } from "./board-helpers";
import { expect, test } from "./fixtures";

test("a personal API token is shown once, reads the HTTP API, and is refused once revoked", async ({ signedInPage: page, context, baseURL, playwright }) => {
  test.setTimeout(60_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await createProject(page, "Token target");
  const projectId = page.url().split("/").pop()!;

  await page.goto("/projects");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  await page.getByLabel("Token name").fill("collector");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveText(/^cbt_/);
  const token = (await shown.textContent())!;
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  const row = page.getByRole("row", { name: /collector/ });
  await expect(row).toContainText("Never");
  await page.screenshot({ path: "test-results/tokens.png", fullPage: true });

  // A request context of its own: no session cookie, only the token.
  const api = await playwright.request.newContext({ baseURL });
  const board = (auth: string) => api.get(`/api/v1/projects/${projectId}/board`, { headers: { authorization: auth } });
  expect((await board(`Bearer ${token}`)).status()).toBe(200);
  await page.reload();
  await expect(row).not.toContainText("Never");
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke collector" }).click();
  await expect(row).toContainText("Revoked");
  expect((await board(`Bearer ${token}`)).status()).toBe(401);
});
