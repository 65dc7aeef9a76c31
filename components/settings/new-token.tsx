"use client";

import { useState } from "react";
import { buttonSecondary } from "@/components/ui/classes";

/** The token just created: shown this once (only its hash is stored), with a copy button. */
export function NewToken({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(token);
    setCopied(true);
  }
  return (
    <section aria-label="New token" className="rounded-lg border border-emerald-500/40 bg-emerald-500/10 p-4">
      <p className="text-sm font-medium text-fg">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="min-w-0 flex-1 break-all rounded-md border border-border bg-surface px-2.5 py-1.5 font-mono text-xs text-fg">
          {token}
        </code>
        <button type="button" onClick={copy} className={buttonSecondary}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Token copied to the clipboard" : ""}
      </p>
    </section>
  );
}
