import { z } from "zod";
import type { Db } from "../db";

export const themeSchema = z.enum(["system", "light", "dark"]);
export type Theme = z.infer<typeof themeSchema>;

/** The theme the user chose, or null before they choose one. */
export async function themeOf(db: Db, userId: string): Promise<Theme | null> {
  const { rows } = await db.query<{ theme: Theme }>("SELECT theme FROM user_settings WHERE user_id = $1", [userId]);
  return rows[0]?.theme ?? null;
}

export async function saveTheme(db: Db, userId: string, theme: Theme): Promise<void> {
  await db.query(
    `INSERT INTO user_settings (user_id, theme) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET theme = EXCLUDED.theme, updated_at = now()`,
    [userId, theme],
  );
}
