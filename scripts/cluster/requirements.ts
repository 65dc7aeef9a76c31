/**
 * What a cluster needs from the machine beyond npm: HAProxy and PostgreSQL 15's server binaries (Debian's
 * packages haproxy and postgresql-15; pg_basebackup is in the latter). As root, missing ones are installed
 * with apt-get; otherwise the command to run is named.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { HAPROXY } from "./haproxy";
import { PG_BIN } from "./postgres";

const needs = [
  { file: HAPROXY, apt: "haproxy" },
  { file: path.join(PG_BIN, "pg_basebackup"), apt: "postgresql-15" },
];

export function ensureRequirements() {
  const missing = needs.filter((need) => !existsSync(need.file));
  if (missing.length === 0) return;
  const packages = missing.map((need) => need.apt);
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missing.map((m) => m.file).join(", ")}: run  sudo apt-get install -y ${packages.join(" ")}  first`);
  }
  console.log(`==> Installing ${packages.join(", ")} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", ...packages], { stdio: "inherit", env });
}
