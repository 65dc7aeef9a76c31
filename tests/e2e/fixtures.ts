import { test as base, expect, type Page } from "@playwright/test";
import pg from "pg";

export interface TestAccount {
  name: string;
  email: string;
  password: string;
}

let counter = 0;

/** A name, email and password nobody has used yet (unique per worker, test and call). */
export function freshAccount(label = "user"): TestAccount {
  counter += 1;
  const id = `${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    name: `E2E ${label} ${counter}`,
    email: `e2e-${label}-${id}@example.com`.toLowerCase(),
    password: `pw-${id}-long-enough`,
  };
}

/**
 * Creates the account through better-auth's HTTP endpoint with the page's own request context,
 * so the session cookie lands in the browser context.
 */
export async function signUpViaApi(page: Page, account: TestAccount, baseURL: string): Promise<void> {
  const response = await page.request.post("/api/auth/sign-up/email", {
    data: { name: account.name, email: account.email, password: account.password },
    headers: { origin: baseURL },
  });
  expect(response.ok(), `sign-up failed: ${response.status()} ${await response.text()}`).toBe(true);
}

/** Makes the account an operator, as `npm run operator:grant` does, in the server's database. */
export async function grantOperator(email: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`INSERT INTO operators (user_id) SELECT id FROM users WHERE email = $1`, [email]);
  } finally {
    await client.end();
  }
}

export const test = base.extend<{ account: TestAccount; signedInPage: Page }>({
  // Playwright requires an object pattern here even when no fixtures are needed.
  account: async ({}, provide) => {
    await provide(freshAccount());
  },
  signedInPage: async ({ page, account, baseURL }, provide) => {
    await signUpViaApi(page, account, baseURL!);
    await provide(page);
  },
});

export { expect };
