"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeSessions, signOut, useSession } from "@/components/auth/auth-client";

export function AppHeader() {
  const router = useRouter();
  const { data: session, isPending } = useSession();
  const [signingOut, setSigningOut] = useState(false);

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

  const user = session?.user;

  return (
    <header className="sticky top-0 z-40 border-b border-border bg-canvas/85 backdrop-blur supports-[backdrop-filter]:bg-canvas/70">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link
          href="/projects"
          className="flex items-center gap-2 rounded-md text-[0.9375rem] font-semibold tracking-tight text-fg"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 text-accent">
            <rect x="2" y="3" width="4.5" height="14" rx="1.5" fill="currentColor" />
            <rect x="7.75" y="3" width="4.5" height="9" rx="1.5" fill="currentColor" opacity="0.7" />
            <rect x="13.5" y="3" width="4.5" height="11.5" rx="1.5" fill="currentColor" opacity="0.45" />
          </svg>
          Chronoboard
        </Link>

        {user && !isPending ? (
          <div className="flex min-w-0 items-center gap-3">
            <span className="hidden truncate text-sm text-fg-muted sm:inline" title={user.email}>
              {user.name || user.email}
            </span>
            <Link href="/settings/tokens" className="rounded-md text-sm font-medium text-fg-muted underline-offset-4 hover:text-fg hover:underline">
              API tokens
            </Link>
            <button
              type="button"
              onClick={() => onSignOut(true)}
              disabled={signingOut}
              className="rounded-md text-sm font-medium text-fg-muted underline-offset-4 hover:text-fg hover:underline disabled:cursor-wait"
            >
              Sign out everywhere
            </button>
            <button
              type="button"
              onClick={() => onSignOut(false)}
              disabled={signingOut}
              className="inline-flex h-8 items-center rounded-md border border-border bg-surface px-3 text-sm font-medium text-fg shadow-xs transition-colors hover:bg-surface-muted disabled:cursor-wait disabled:opacity-70"
            >
              {signingOut ? "Signing out…" : "Sign out"}
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
