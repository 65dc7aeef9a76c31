"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { revokeSessions, signOut } from "@/components/auth/auth-client";
import type { Theme } from "@/server/settings";
import { useDismiss } from "@/components/ui/use-dismiss";
import { ThemeToggle } from "./theme-toggle";

interface HeaderProps {
  user: { name: string; email: string } | null;
  operator: boolean;
  theme: Theme;
}

const navLink =
  "rounded-md px-2 py-1 text-sm font-medium text-fg-muted underline-offset-4 hover:text-fg aria-[current=page]:text-fg aria-[current=page]:underline";
const menuLink = "flex h-11 items-center rounded-md px-3 text-[0.9375rem] font-medium text-fg hover:bg-surface-muted aria-[current=page]:bg-surface-muted";

/**
 * The app's header, full width like the board under it. From the `lg` breakpoint the links and actions sit in the
 * bar; below it (phones, narrow windows) they fold into a menu behind one button.
 */
export function AppHeader({ user, operator, theme }: HeaderProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [signingOut, setSigningOut] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  // Going to another page closes the menu.
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }

  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useDismiss(menuOpen, closeMenu, menuButton, menu);
  useEffect(() => {
    if (menuOpen) menu.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [menuOpen]);

  /** Signing out ends this session on the server; "everywhere" ends every session of the user (other browsers too). */
  async function onSignOut(everywhere: boolean) {
    setSigningOut(true);
    try {
      if (everywhere) await revokeSessions();
      await signOut();
    } finally {
      setSigningOut(false);
      router.push("/sign-in");
      router.refresh();
    }
  }

  const links = user
    ? [
        { href: "/projects", label: "Projects" },
        ...(operator ? [{ href: "/ops", label: "Ops" }] : []),
        { href: "/settings/tokens", label: "API tokens" },
      ]
    : [];
  const current = (href: string) => (pathname === href || pathname.startsWith(`${href}/`) ? "page" : undefined);

  return (
    <header className="sticky top-0 z-40 border-b border-border bg-canvas/85 backdrop-blur supports-[backdrop-filter]:bg-canvas/70">
      <div className="flex h-14 items-center gap-4 px-4 sm:px-6">
        <Link
          href={user ? "/projects" : "/"}
          className="flex shrink-0 items-center gap-2 rounded-md text-[0.9375rem] font-semibold tracking-tight text-fg"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 text-accent">
            <rect x="2" y="3" width="4.5" height="14" rx="1.5" fill="currentColor" />
            <rect x="7.75" y="3" width="4.5" height="9" rx="1.5" fill="currentColor" opacity="0.7" />
            <rect x="13.5" y="3" width="4.5" height="11.5" rx="1.5" fill="currentColor" opacity="0.45" />
          </svg>
          Chronoboard
        </Link>

        {user ? (
          <>
            <nav aria-label="Main" className="hidden items-center gap-1 lg:flex">
              {links.map((link) => (
                <Link key={link.href} href={link.href} aria-current={current(link.href)} className={navLink}>
                  {link.label}
                </Link>
              ))}
            </nav>
            <div className="ml-auto hidden min-w-0 items-center gap-3 lg:flex">
              <span className="truncate text-sm text-fg-muted" title={user.email}>
                {user.name || user.email}
              </span>
              <ThemeToggle theme={theme} />
              <SignOutButtons signingOut={signingOut} onSignOut={onSignOut} />
            </div>
            <button
              ref={menuButton}
              type="button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((open) => !open)}
              className="ml-auto inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium text-fg shadow-xs lg:hidden"
            >
              <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="size-4">
                {menuOpen ? <path d="m4 4 8 8M12 4l-8 8" /> : <path d="M2.5 4.5h11M2.5 8h11M2.5 11.5h11" />}
              </svg>
              Menu
            </button>
          </>
        ) : (
          <div className="ml-auto">
            <ThemeToggle theme={theme} />
          </div>
        )}
      </div>

      {user && menuOpen ? (
        <div ref={menu} id={menuId} className="border-t border-border bg-canvas px-4 pt-2 pb-4 shadow-lg sm:px-6 lg:hidden">
          <nav aria-label="Main">
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={current(link.href)} className={menuLink} onClick={() => setMenuOpen(false)}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-3 space-y-3 border-t border-border pt-3">
            <p className="truncate px-3 text-sm text-fg-muted">
              Signed in as <span className="font-medium text-fg">{user.name || user.email}</span>
            </p>
            <div className="flex">
              <ThemeToggle theme={theme} showLabels />
            </div>
            <div className="flex flex-wrap items-center gap-3 px-1">
              <SignOutButtons signingOut={signingOut} onSignOut={onSignOut} />
            </div>
          </div>
        </div>
      ) : null}
    </header>
  );
}

function SignOutButtons({ signingOut, onSignOut }: { signingOut: boolean; onSignOut: (everywhere: boolean) => void }) {
  return (
    <>
      <button
        type="button"
        onClick={() => onSignOut(true)}
        disabled={signingOut}
        className="shrink-0 rounded-md text-sm font-medium whitespace-nowrap text-fg-muted underline-offset-4 hover:text-fg hover:underline disabled:cursor-wait"
      >
        Sign out everywhere
      </button>
      <button
        type="button"
        onClick={() => onSignOut(false)}
        disabled={signingOut}
        className="inline-flex h-8 shrink-0 items-center rounded-md border border-border bg-surface px-3 text-sm font-medium whitespace-nowrap text-fg shadow-xs transition-colors hover:bg-surface-muted disabled:cursor-wait disabled:opacity-70"
      >
        {signingOut ? "Signing out…" : "Sign out"}
      </button>
    </>
  );
}
