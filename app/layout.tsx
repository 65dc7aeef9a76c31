import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { auth, isOperator } from "@/server/auth";
import { getPool } from "@/server/db";
import { type Theme, themeOf, themeSchema } from "@/server/settings";
import { THEME_COOKIE } from "./theme-cookie";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chronoboard", template: "%s · Chronoboard" },
  description: "An event-sourced kanban board that remembers every change.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f7f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0e0e10" },
  ],
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // Every page is rendered per request, so each carries the nonce of its Content-Security-Policy (proxy.ts).
  await connection();
  const session = await auth.api.getSession({ headers: await headers() });
  const cookieTheme = themeSchema.safeParse((await cookies()).get(THEME_COOKIE)?.value);
  const [savedTheme, operator] = session
    ? await Promise.all([themeOf(getPool(), session.user.id), isOperator(getPool(), session.user.id)])
    : [null, false];
  // The theme is on <html> in the first byte (no script decides it later), so no page ever flashes the other one.
  const theme: Theme = savedTheme ?? (cookieTheme.success ? cookieTheme.data : "system");
  const user = session ? { name: session.user.name, email: session.user.email } : null;

  return (
    <html lang="en" data-theme={theme}>
      <body className="bg-canvas font-sans text-fg antialiased">
        <a
          href="#main-content"
          className="sr-only rounded-md border border-border bg-surface text-sm font-medium text-fg shadow-md focus:not-sr-only focus:fixed focus:top-2.5 focus:left-3 focus:z-50 focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <AppHeader user={user} operator={operator} theme={theme} />
        <main id="main-content" tabIndex={-1} className="focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
