import { type Actor, actorOf, type Role } from "../domain";
import { type Db, statementName } from "../db";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
}

/** Display names for the user ids an event log mentions. */
export async function usersByIds(db: Db, ids: string[]): Promise<UserSummary[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<UserSummary>({
    name: statementName("chronoboard.users-by-ids"),
    text: `SELECT id, name, email FROM users WHERE id = ANY($1::text[]) ORDER BY name`,
    values: [ids],
  });
  return rows;
}

/**
 * Display names by user id, for the users an event log mentions ("Unknown user" for the rest). Automation
 * writes as system actors, which are named for what they are.
 */
export async function userNames(db: Db, ids: string[]): Promise<(id: string) => string> {
  const names = new Map((await usersByIds(db, [...new Set(ids)])).map((user) => [user.id, user.name]));
  return (id) => names.get(id) ?? systemActorNames[actorOf(id).kind] ?? "Unknown user";
}

const systemActorNames: Partial<Record<Actor["kind"], string>> = { rule: "Automation", reviewSaga: "Review saga" };

export async function userByEmail(db: Db, email: string): Promise<UserSummary | null> {
  const { rows } = await db.query<UserSummary>(`SELECT id, name, email FROM users WHERE lower(email) = lower($1)`, [email]);
  return rows[0] ?? null;
}

/** A project's members (user id → role, as the board folds them) with their names and emails, by name. */
export async function membersWithRoles(db: Db, roles: Record<string, Role>) {
  const users = await usersByIds(db, Object.keys(roles));
  return users.map((user) => ({ ...user, role: roles[user.id]! }));
}
