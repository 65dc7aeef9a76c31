/**
 * Starts the already-built app with `next start` and tells the user where it is.
 *
 *   tsx scripts/serve.ts [--build]  (PORT=3000 by default; --build runs `next build` first)
 *
 * `next` is spawned directly rather than through npx so that signals reach the real server process;
 * SIGINT/SIGTERM are forwarded to it, and this script exits with its exit code.
 * BETTER_AUTH_URL defaults to that address; BETTER_AUTH_SECRET, when unset, is generated once and kept
 * in .data/auth-secret so sessions survive restarts.
 */
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { authSecret } from "./auth-secret";

const port = Number(process.env.PORT ?? 3000);
const host = "127.0.0.1";
const url = `http://${host}:${port}`;
const nextBin = path.resolve("node_modules", ".bin", "next");

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? url,
  BETTER_AUTH_SECRET: authSecret(),
};

// `--build` builds first, with the same secret: the build loads the auth module, which refuses a missing one.
if (process.argv.includes("--build")) {
  const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(nextBin, ["start", "-p", String(port), "-H", host], { stdio: "inherit", env });

let exited = false;
child.on("exit", (code, signal) => {
  exited = true;
  process.exit(code ?? (signal ? 128 + constants.signals[signal] : 1));
});
child.on("error", (error) => {
  console.error(`Could not start ${nextBin}: ${error.message}`);
  process.exit(1);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!exited) child.kill(signal);
  });
}

async function waitUntilUp(timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !exited) {
    try {
      await fetch(`${url}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return false;
}

if (await waitUntilUp()) {
  console.log("");
  console.log(`Chronoboard is running at ${url}`);
  console.log("Demo users: see README (password: chronoboard-demo)");
  console.log("Press Ctrl-C to stop.");
} else if (!exited) {
  console.error(`Chronoboard did not answer at ${url} within two minutes; still waiting on next start.`);
}
