/**
 * Run before the browser tests (npm test, npm run test:e2e): makes sure Chromium is there, installing Debian's
 * package when we are root, or stops at once with the one command that installs it.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { chromiumPlan, DEFAULT_CHROMIUM, INSTALL_HINT } from "./chromium/plan";

const path = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const plan = chromiumPlan({
  path,
  exists: executable(path),
  isRoot: process.getuid?.() === 0,
  hasAptGet: spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0,
});

if (plan.action === "stop") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === "install") {
  console.error(`Chromium is missing at ${path}: installing Debian's package for the browser tests.`);
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run.status !== 0) {
      console.error(`"${[command, ...args].join(" ")}" failed. Install Chromium with: ${INSTALL_HINT}`);
      process.exit(1);
    }
  }
  if (!executable(path)) {
    console.error(`Chromium is still missing at ${path} after the install. Install it with: ${INSTALL_HINT}`);
    process.exit(1);
  }
}
