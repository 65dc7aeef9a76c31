/**
 * The built app (`next start`) on port 3400 against the bench database, for the benches that talk to it
 * over HTTP. Built once per run (BENCH_SKIP_BUILD=1 reuses .next).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";

/** BENCH_APP_PORT: another port, so two checkouts can bench side by side. */
const PORT = Number(process.env.BENCH_APP_PORT ?? 3400);
export const BASE = `http://127.0.0.1:${PORT}`;
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  BETTER_AUTH_SECRET: "chronoboard-bench-secret-0123456789abcdef",
  BETTER_AUTH_URL: BASE,
  CHRONOBOARD_AUTH_RATE_LIMIT: "off",
  LOG_LEVEL: "warn",
};

let built = Boolean(process.env.BENCH_SKIP_BUILD);

/** Builds (once) and starts the production server; resolves once it answers. Kill the process when done. */
export async function startServer(): Promise<ChildProcess> {
  if (!built) {
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("next build failed");
    built = true;
  }
  // BENCH_SERVER_PROFILE=<folder>: a CPU profile of the app while the benches run, written when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : [];
  const args = [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"];
  const server = spawn(process.execPath, args, { stdio: "ignore", env });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${BASE}/sign-in`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("the app did not start");
}
