import { defineConfig, devices } from "@playwright/test";
import { DEFAULT_CHROMIUM } from "./scripts/system-tools/plan";

// E2E_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  // No retries: a test that fails once by chance is a bug to find (in the product or the test), not to hide.
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    timezoneId: "UTC",
    locale: "en-US",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // A server that closes an idle keep-alive connection just as a test's request reuses it answers that request
    // with ECONNRESET; tests leave connections idle for seconds, so the server keeps them longer than that.
    command: `npm run build && node_modules/.bin/next start -p ${PORT} -H 127.0.0.1 --keepAliveTimeout 120000`,
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      BETTER_AUTH_SECRET: "chronoboard-e2e-test-secret-0123456789abcdef",
      BETTER_AUTH_URL: baseURL,
      // Every test signs up from 127.0.0.1; better-auth's production limit (3 sign-ups per 10 s per IP)
      // would fail the suite. server/auth/auth.ts turns rate limiting off when this is "off".
      CHRONOBOARD_AUTH_RATE_LIMIT: "off",
      // The server's request log would drown the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
    },
  },
});
