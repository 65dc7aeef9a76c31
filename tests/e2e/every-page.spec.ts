import type { Browser, Locator, Page } from "@playwright/test";
import { addTask, card, column, createProject } from "./board-helpers";
import { expect, freshAccount, grantOperator, signUpViaApi, test } from "./fixtures";
import { desktop, expectNoAxeViolations, expectNoSidewaysScroll, phone, schemes, screen } from "./ui-checks";

/*
 * Every page of the app, on a desktop (1440×900) and a phone (390×844, touch), in light and dark: axe-core finds
 * no violations, the page never scrolls sideways, and a screenshot of each is kept (test-results/screens/).
 */


interface Visit {
  name: string;
  path: string;
  /** What shows once the page has loaded its data. */
  ready: (page: Page) => Locator;
  /** Brought about after loading (a dialog opened, a menu unfolded). */
  then?: (page: Page) => Promise<void>;
}

const h1 = (text: string | RegExp) => (page: Page) => page.getByRole("heading", { level: 1, name: text });

async function checkEveryScheme(page: Page, visit: Visit) {
  const response = await page.goto(visit.path);
  expect(response, visit.path).not.toBeNull();
  // A busy CI machine may take a while to load a page's data.
  await expect(visit.ready(page)).toBeVisible({ timeout: 30_000 });
  await visit.then?.(page);
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoSidewaysScroll(page, `${visit.name} (${scheme})`);
    await expectNoAxeViolations(page, `${visit.name} (${scheme})`, { coloursOnly: scheme !== schemes[0] });
    await screen(page, visit.name);
  }
}

/** A board with tasks in two columns, a moved task, and an operator who may see every page. */
async function operatorWithBoard(page: Page, baseURL: string) {
  const account = freshAccount("pages");
  await signUpViaApi(page, account, baseURL);
  await grantOperator(account.email);
  await createProject(page, "Website relaunch");
  await addTask(page, "To do", "Write the launch announcement");
  await addTask(page, "To do", "Check every page on a phone");
  await addTask(page, "In progress", "Pick the new colours");
  return new URL(page.url()).pathname;
}

async function anonymousAndForbidden(browser: Browser, baseURL: string, device: object) {
  const context = await browser.newContext({ ...device, baseURL });
  const page = await context.newPage();
  for (const visit of [
    { name: "home", path: "/", ready: h1("Chronoboard is a kanban board that remembers every change.") },
    { name: "sign-in", path: "/sign-in", ready: h1("Sign in to Chronoboard") },
    { name: "sign-up", path: "/sign-up", ready: h1("Create your account") },
  ]) {
    await checkEveryScheme(page, visit);
  }
  // Signed in without being an operator: the operations pages refuse with a page of their own.
  await signUpViaApi(page, freshAccount("not-operator"), baseURL);
  await checkEveryScheme(page, { name: "forbidden", path: "/ops/metrics", ready: h1("You do not have access to this page") });
  await context.close();
}

for (const [label, device] of [
  ["desktop", desktop],
  ["phone", phone],
] as const) {
  test.describe(`every page on a ${label}`, () => {
    test.use(device);

    test(`signed-in pages on a ${label}: no axe violations, no sideways scroll, light and dark`, async ({ page, baseURL }) => {
      test.setTimeout(600_000);
      const board = await operatorWithBoard(page, baseURL!);
      const visits: Visit[] = [
        { name: "projects", path: "/projects", ready: (p) => p.getByRole("link", { name: /Website relaunch/ }) },
        { name: "board", path: board, ready: (p) => card(column(p, "To do"), "Check every page on a phone") },
        {
          name: "task-panel",
          path: board,
          ready: (p) => card(column(p, "To do"), "Check every page on a phone"),
          then: async (p) => {
            await card(column(p, "To do"), "Check every page on a phone").click();
            await expect(p.getByRole("dialog")).toBeVisible();
            await expect(p.getByRole("dialog").getByText("Created")).toBeVisible();
          },
        },
        { name: "history", path: `${board}/history`, ready: (p) => p.getByRole("cell", { name: /Check every page on a phone/ }).first() },
        { name: "members", path: `${board}/members`, ready: h1(/^Members/) },
        { name: "automation", path: `${board}/automation`, ready: h1(/^Automation/) },
        { name: "analytics", path: `${board}/analytics`, ready: h1(/^Analytics|Flow/) },
        { name: "audit", path: `${board}/audit`, ready: h1(/Audit/) },
        { name: "tokens", path: "/settings/tokens", ready: h1(/API tokens/) },
        { name: "ops", path: "/ops", ready: (p) => p.getByRole("row", { name: /^board/ }) },
        { name: "ops-metrics", path: "/ops/metrics", ready: h1("Metrics") },
        { name: "not-found", path: "/no/such/page", ready: h1("Page not found") },
        { name: "malformed-project", path: "/projects/not-a-project-id", ready: h1("Page not found") },
      ];
      if (label === "phone") {
        visits.push({
          name: "menu",
          path: "/projects",
          ready: (p) => p.getByRole("button", { name: "Menu" }),
          then: async (p) => {
            await p.getByRole("button", { name: "Menu" }).click();
            await expect(p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ops" })).toBeVisible();
          },
        });
      }
      for (const visit of visits) await checkEveryScheme(page, visit);
    });

    test(`signed-out and refused pages on a ${label}`, async ({ browser, baseURL }) => {
      test.setTimeout(200_000);
      await anonymousAndForbidden(browser, baseURL!, device);
    });
  });
}
