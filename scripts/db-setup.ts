/**
 * Setting up a PostgreSQL server for the app, shared by with-db.ts (one server) and cluster/ (a primary and
 * its replica): databases, migrations as the owner, and the app's own login role.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(url: string, name: string) {
  const { rowCount } = await adminQuery(url, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (!rowCount) await adminQuery(url, `CREATE DATABASE "${name}"`);
}

export function migrate(url: string) {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, DATABASE_OWNER_URL: url },
  });
  if (result.status !== 0) throw new Error("migrations failed");
}

/** The app's login role: a member of chronoboard_app, the group role migration 0020 grants to. */
const APP_LOGIN = "chronoboard_app_login";

/** Makes sure the app's login role exists with its password and returns the URL the app connects with. */
export async function appLoginUrl(ownerUrl: string): Promise<string> {
  // Roles are shared by every database of the server, and other runs may be creating it right now.
  const password = process.env.CHRONOBOARD_APP_DB_PASSWORD ?? "chronoboard-app";
  await adminQuery(
    ownerUrl,
    `DO $$ BEGIN CREATE ROLE ${APP_LOGIN} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
  await adminQuery(ownerUrl, `GRANT chronoboard_app TO ${APP_LOGIN}`);
  await adminQuery(ownerUrl, `ALTER ROLE ${APP_LOGIN} PASSWORD '${password.replaceAll("'", "''")}'`);
  return asAppLogin(ownerUrl, password);
}

/** The same server and database as the app's login role (e.g. on a replica, where roles are replicated). */
export function asAppLogin(url: string, password = process.env.CHRONOBOARD_APP_DB_PASSWORD ?? "chronoboard-app"): string {
  const u = new URL(url);
  u.username = APP_LOGIN;
  u.password = password;
  return u.toString();
}
