import { defineConfig } from "vitest/config";

// Pinned so that dates and "as of" instants format the same on every machine.
process.env.TZ = "UTC";
process.env.LANG = "en-US";

export default defineConfig({
  test: {
    projects: [
      // The app's own "@/…" imports (tsconfig paths), for unit tests of UI helpers.
      { resolve: { alias: [{ find: /^@\//, replacement: `${import.meta.dirname}/` }] }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.integration.test.ts"],
          setupFiles: ["tests/integration/setup/projectors.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The built app against PostgreSQL servers of their own, which they restart or put PgBouncer in front of.
        test: {
          name: "connections",
          include: ["tests/connections/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 150_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
