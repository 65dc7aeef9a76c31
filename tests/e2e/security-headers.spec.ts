import type { Page } from "@playwright/test";
import { createProject } from "./board-helpers";
import { expect, freshAccount, signUpViaApi, test } from "./fixtures";

/** Collects CSP violations the page reports (DOM events, kept across navigations) and console complaints. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("every main page satisfies the Content-Security-Policy and carries the security headers", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);

  const signIn = await page.goto("/sign-in");
  const headers = signIn!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();

  await signUpViaApi(page, freshAccount("csp"), baseURL!);
  await createProject(page, "Policy");
  const board = page.url();
  for (const path of ["/history", "/audit", "/members"]) {
    await page.goto(board + path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API tokens");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "Projects" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);

  // The policy is enforced, not just sent: an inline event handler slipped into the page does not run.
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = '<img src="/no-such-image.png" onerror="window.injected = true">';
    document.body.append(holder);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();

  const api = await page.request.get("/api/trpc/project.list");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});
