import type { Db } from "../db";

/** Whether the user runs this installation (sees metrics and every projector, may rebuild read models). */
export async function isOperator(db: Db, userId: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM operators WHERE user_id = $1", [userId]);
  return rowCount === 1;
}

/** Makes a user an operator; granting twice is harmless. */
export async function grantOperator(db: Db, userId: string): Promise<void> {
  await db.query("INSERT INTO operators (user_id) VALUES ($1) ON CONFLICT DO NOTHING", [userId]);
}
