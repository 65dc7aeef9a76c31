"use client";

import { StatusPage } from "@/components/layout/status-page";

/** What a page shows when the server could not build it (instead of the framework's bare error text). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusPage code={500} title="This page could not be loaded">
      <p>
        The server could not answer just now. This is often a brief interruption, such as its database restarting: try again in a few
        seconds.
      </p>
      {error.digest && <p className="mt-2">If it keeps happening, give the people who run this installation the reference {error.digest}.</p>}
      <button
        type="button"
        onClick={reset}
        className="mt-6 inline-flex h-9 items-center rounded-md border border-border px-4 text-sm font-medium text-fg hover:bg-surface-muted"
      >
        Try again
      </button>
    </StatusPage>
  );
}
