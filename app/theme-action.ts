"use server";

import { cookies, headers } from "next/headers";
import { auth } from "@/server/auth";
import { getPool } from "@/server/db";
import { saveTheme, themeSchema } from "@/server/settings";
import { THEME_COOKIE } from "./theme-cookie";

/**
 * Keeps the chosen theme: in the user's settings when signed in (it follows them to every browser) and in a
 * cookie for this browser (the sign-in pages), so the server renders the page in that theme from the first byte.
 */
export async function chooseTheme(choice: unknown): Promise<void> {
  const theme = themeSchema.parse(choice);
  (await cookies()).set(THEME_COOKIE, theme, { path: "/", maxAge: 60 * 60 * 24 * 400, sameSite: "lax", httpOnly: true });
  const session = await auth.api.getSession({ headers: await headers() });
  if (session) await saveTheme(getPool(), session.user.id, theme);
}
