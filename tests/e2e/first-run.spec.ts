import type { Page } from "@playwright/test";
import { addTask, column, createProject } from "./board-helpers";
import { expect, freshAccount, grantOperator, signUpViaApi, test } from "./fixtures";
import { desktop, screen } from "./ui-checks";

test.use(desktop);
// Several pages and accounts per test, on a CI machine that may be busy.
test.describe.configure({ timeout: 90_000 });

const canvas = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_CANVAS = "rgb(247, 247, 248)";
const DARK_CANVAS = "rgb(14, 14, 16)";

test("an unknown address and a malformed project id answer a styled 404 with a way home; no favicon is missing", async ({
  signedInPage: page,
}) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().resourceType() !== "document") missing.push(response.url());
  });
  for (const path of ["/no/such/page", "/projects/not-a-project-id", "/projects/not-a-project-id/history"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "Chronoboard" })).toBeVisible();
  }
  await screen(page, "not-found");
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/projects$/);

  const icon = page.locator('link[rel="icon"]');
  await expect(icon).toHaveAttribute("type", "image/svg+xml");
  const served = await page.request.get((await icon.getAttribute("href"))!);
  expect(served.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});

test("operators find Ops in the header; others do not, and both operations pages refuse them alike", async ({ signedInPage: page, account }) => {
  await page.goto("/projects");
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Projects" })).toHaveAttribute("aria-current", "page");
  await expect(banner.getByRole("link", { name: "Ops" })).toHaveCount(0);
  for (const path of ["/ops", "/ops/metrics"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
  }
  await screen(page, "forbidden");

  await grantOperator(account.email);
  await page.goto("/projects");
  await banner.getByRole("link", { name: "Ops" }).click();
  await expect(page).toHaveURL(/\/ops$/);
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await expect(banner.getByRole("link", { name: "Ops" })).toHaveAttribute("aria-current", "page");
});

test("first run: the project list shows task counts and last activity, the board welcomes until dismissed, its header lines up and Add column is whole", async ({
  signedInPage: page,
  browser,
  baseURL,
}) => {
  await page.goto("/projects");
  await expect(page.getByText("No projects yet")).toBeVisible();
  await createProject(page, "First steps");
  const boardPath = new URL(page.url()).pathname;

  const welcome = page.getByRole("region", { name: "Welcome to your board" });
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole("link", { name: "Open the history" })).toHaveAttribute("href", `${boardPath}/history`);
  await addTask(page, "To do", "Say hello");
  await addTask(page, "Done", "Sign up");

  // The page's header and the board start at the same left edge.
  const logo = (await page.getByRole("banner").getByRole("link", { name: "Chronoboard" }).boundingBox())!;
  const back = (await page.getByRole("link", { name: "All projects" }).boundingBox())!;
  expect(Math.abs(logo.x - back.x)).toBeLessThanOrEqual(1);

  // Beside a new board's four columns, "Add column" is whole on a 1440 px screen, short of its edge, unscrolled.
  const strip = column(page, "To do").locator("xpath=..");
  expect(await strip.evaluate((el) => el.scrollLeft)).toBe(0);
  const add = page.getByRole("button", { name: "Add column" });
  const addBox = (await add.boundingBox())!;
  expect(addBox.x + addBox.width).toBeLessThanOrEqual(1440 - 16);
  expect(await add.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await screen(page, "board-first-run");

  await welcome.getByRole("button", { name: "Dismiss the welcome" }).click();
  await expect(welcome).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "First steps" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Welcome to your board" })).toHaveCount(0);

  await page.getByRole("link", { name: "All projects" }).click();
  const listed = page.getByRole("link", { name: /First steps/ });
  await expect(listed).toContainText("2 tasks");
  await expect(listed.locator("time")).toHaveText(/updated (just now|\d+ seconds? ago|1 minute ago)/);
  await screen(page, "projects-first-run");

  // Another person in this browser is welcomed on their own first board.
  const other = await browser.newPage({ ...desktop, baseURL });
  await signUpViaApi(other, freshAccount("second"), baseURL!);
  await createProject(other, "Their board");
  await expect(other.getByRole("region", { name: "Welcome to your board" })).toBeVisible();
  await other.close();
});

test("the theme (system, light or dark) is kept with the user, rendered from the first byte, and in every browser they use", async ({
  signedInPage: page,
  account,
  browser,
  baseURL,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/projects");
  const theme = page.getByRole("banner").getByRole("group", { name: "Theme" });
  await expect(theme.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
  expect(await canvas(page)).toBe(LIGHT_CANVAS);

  await theme.getByRole("button", { name: "Dark theme" }).click();
  await expect(theme.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => canvas(page)).toBe(DARK_CANVAS);
  await screen(page, "projects-chosen-dark");

  // Kept on the server: the page's HTML already says dark, so it never flashes light first.
  await expect.poll(async () => (await (await page.request.get("/projects")).text()).includes('data-theme="dark"')).toBe(true);
  await page.reload();
  expect(await canvas(page)).toBe(DARK_CANVAS);

  // Another browser, signed in as the same user, opens dark.
  const elsewhere = await browser.newContext({ ...desktop, baseURL, colorScheme: "light" });
  const signIn = await elsewhere.request.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  const other = await elsewhere.newPage();
  await other.goto("/projects");
  expect(await canvas(other)).toBe(DARK_CANVAS);
  await elsewhere.close();

  // Light pins light on a system set to dark; System follows the system again.
  await page.emulateMedia({ colorScheme: "dark" });
  await theme.getByRole("button", { name: "Light theme" }).click();
  await expect.poll(() => canvas(page)).toBe(LIGHT_CANVAS);
  await theme.getByRole("button", { name: "System theme" }).click();
  await expect.poll(() => canvas(page)).toBe(DARK_CANVAS);
  await expect.poll(async () => (await (await page.request.get("/projects")).text()).includes('data-theme="system"')).toBe(true);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");

  // Signed out, the choice is kept for this browser.
  const anonymous = await browser.newPage({ ...desktop, baseURL, colorScheme: "light" });
  await anonymous.goto("/sign-in");
  await anonymous.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark theme" }).click();
  await expect.poll(() => canvas(anonymous)).toBe(DARK_CANVAS);
  await expect.poll(async () => (await (await anonymous.request.get("/sign-in")).text()).includes('data-theme="dark"')).toBe(true);
  await anonymous.reload();
  expect(await canvas(anonymous)).toBe(DARK_CANVAS);
  await anonymous.close();
});
