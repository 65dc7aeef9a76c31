import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
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
  return (
    <html lang="en">
      <body className="bg-canvas font-sans text-fg antialiased">
        <a
          href="#main-content"
          className="sr-only rounded-md border border-border bg-surface text-sm font-medium text-fg shadow-md focus:not-sr-only focus:fixed focus:top-2.5 focus:left-3 focus:z-50 focus:px-3 focus:py-2"
        >
          Skip to main content
        </a>
        <AppHeader />
        <main id="main-content" tabIndex={-1} className="focus:outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
