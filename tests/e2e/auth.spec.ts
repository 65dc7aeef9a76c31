import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/screens/${name}.png`, fullPage: true });

test("visiting / while signed out says what Chronoboard is and leads to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chronoboard is a kanban board that remembers every change.");
  await expect(page.getByRole("link", { name: "Chronoboard" })).toHaveAttribute("href", "/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Chronoboard");
  await page.screenshot(shot("sign-in"));
});

test("sign up, sign out, and sign in again with the same credentials", async ({ page }) => {
  const account = freshAccount("roundtrip");

  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.screenshot(shot("sign-up-filled"));
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Projects");
  await expect(page.getByRole("banner")).toContainText(account.name);
  await page.screenshot(shot("projects-after-sign-up"));

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toHaveCount(0);

  // Signed out for real: the projects page sends us back.
  await page.goto("/projects");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Projects");
});

test("a wrong password shows an error in words", async ({ page, baseURL, browser }) => {
  const account = freshAccount("wrongpw");
  // Create the account in a throwaway context so this page stays signed out.
  const other = await browser.newPage();
  await signUpViaApi(other, account, baseURL!);
  await other.close();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  const error = page.locator("#sign-in-error");
  await expect(error).toHaveAttribute("aria-live", "assertive");
  await expect(error).toContainText(/invalid email or password/i);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.screenshot(shot("sign-in-wrong-password"));

  // Dark mode follows the system setting.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(14, 14, 16)");
  await page.screenshot(shot("sign-up-dark"));
});

test("sign-up checks the password length and reports a taken email", async ({ page, baseURL, browser }) => {
  const taken = freshAccount("taken");
  const other = await browser.newPage();
  await signUpViaApi(other, taken, baseURL!);
  await other.close();

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill(freshAccount("short").email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#sign-up-error")).toContainText("at least 8 characters");
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Email").fill(taken.email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#sign-up-error")).toContainText(/already exists/i);
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.screenshot(shot("sign-up-taken-email"));
});

test("the signed-in fixture yields a page with a session", async ({ signedInPage: page, account }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Projects");
  await expect(page.getByRole("banner")).toContainText(account.name);

  // Signed-in users skip the auth pages.
  await page.goto("/sign-in");
  await expect(page).toHaveURL(/\/projects$/);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("sign out everywhere ends the sessions in other browsers too", async ({ signedInPage: page, account, browser, baseURL }) => {
  test.setTimeout(60_000);
  const elsewhere = await browser.newPage({ baseURL });
  const signIn = await elsewhere.request.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  await elsewhere.goto("/projects");
  await expect(elsewhere.getByRole("heading", { level: 1 })).toContainText("Projects");

  await page.goto("/projects");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await elsewhere.goto("/projects");
  await expect(elsewhere).toHaveURL(/\/sign-in$/);
  await elsewhere.close();
});
