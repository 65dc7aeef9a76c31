/** Where the browser tests find Chromium: Debian's package, or CHROMIUM_PATH (playwright.config.ts). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** A program the suite runs that npm does not bring, with the Debian package that installs it. */
export interface SystemTool {
  name: string;
  path: string;
  /** The path the package installs; a path set by the user that differs is theirs to fix. */
  packagePath: string;
  debianPackage: string;
}

/** The browser tests' Chromium, the cluster drills' HAProxy and replica backup, the connections tests' PgBouncer. */
export function systemTools(chromiumPath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM): SystemTool[] {
  return [
    { name: "Chromium", path: chromiumPath, packagePath: DEFAULT_CHROMIUM, debianPackage: "chromium" },
    { name: "HAProxy", path: "/usr/sbin/haproxy", packagePath: "/usr/sbin/haproxy", debianPackage: "haproxy" },
    { name: "PgBouncer", path: "/usr/sbin/pgbouncer", packagePath: "/usr/sbin/pgbouncer", debianPackage: "pgbouncer" },
    {
      name: "pg_basebackup (PostgreSQL 15)",
      path: "/usr/lib/postgresql/15/bin/pg_basebackup",
      packagePath: "/usr/lib/postgresql/15/bin/pg_basebackup",
      debianPackage: "postgresql-15",
    },
  ];
}

export type SystemToolsPlan =
  | { action: "ready" }
  | { action: "install"; commands: string[][] }
  | { action: "stop"; message: string };

export interface SystemToolsFacts {
  missing: SystemTool[];
  isRoot: boolean;
  hasAptGet: boolean;
}

/** The one command that installs these tools on Debian or Ubuntu. */
export const installHint = (tools: SystemTool[]) => `sudo apt-get install -y ${tools.map((tool) => tool.debianPackage).join(" ")}`;

/**
 * What to do before the tests start: nothing when every tool is there; install Debian's packages for the missing
 * ones when we may (root, apt-get); otherwise stop at once and say how to get them.
 */
export function systemToolsPlan({ missing, isRoot, hasAptGet }: SystemToolsFacts): SystemToolsPlan {
  if (missing.length === 0) return { action: "ready" };
  const elsewhere = missing.find((tool) => tool.path !== tool.packagePath);
  if (elsewhere) {
    return { action: "stop", message: `${elsewhere.name} is expected at ${elsewhere.path}, where there is nothing. Point the setting at it, or unset it and run: ${installHint([elsewhere])}` };
  }
  if (isRoot && hasAptGet) {
    return {
      action: "install",
      commands: [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", ...missing.map((tool) => tool.debianPackage)],
      ],
    };
  }
  const names = missing.map((tool) => `${tool.name} (${tool.path})`).join(", ");
  return { action: "stop", message: `The tests need ${names}, which ${missing.length > 1 ? "are" : "is"} missing. Install with: ${installHint(missing)}` };
}
