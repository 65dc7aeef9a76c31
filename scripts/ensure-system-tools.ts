/**
 * Run before the tests (npm test: every tool; npm run test:e2e: `chromium` only): makes sure the programs the
 * suite runs that npm does not bring are there, installing Debian's packages when we are root, or stops at once
 * with the one command that installs them.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { installHint, systemTools, systemToolsPlan, type SystemTool } from "./system-tools/plan";

const only = process.argv.slice(2);
const wanted = systemTools().filter((tool) => only.length === 0 || only.includes(tool.debianPackage));

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const missing = (tools: SystemTool[]) => tools.filter((tool) => !executable(tool.path));

const plan = systemToolsPlan({
  missing: missing(wanted),
  isRoot: process.getuid?.() === 0,
  hasAptGet: spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0,
});

if (plan.action === "stop") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === "install") {
  console.error(`Missing: ${missing(wanted).map((tool) => tool.name).join(", ")}; installing Debian's packages for the tests.`);
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command!, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run.status !== 0) {
      console.error(`"${[command, ...args].join(" ")}" failed. Install them with: ${installHint(missing(wanted))}`);
      process.exit(1);
    }
  }
  const still = missing(wanted);
  if (still.length > 0) {
    console.error(`Still missing after the install: ${still.map((tool) => tool.path).join(", ")}. Install with: ${installHint(still)}`);
    process.exit(1);
  }
}
