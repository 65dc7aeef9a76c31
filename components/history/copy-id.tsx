"use client";

import { useState } from "react";

/** A long id shown short in monospace, with a button that copies all of it (e.g. a correlation id). */
export function CopyId({ id, label }: { id: string; label: string }) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(id);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <span className="inline-flex max-w-full items-center gap-1">
      <code title={id} className="truncate rounded bg-surface-muted px-1 font-mono text-[0.6875rem] text-fg-muted">
        {id.slice(0, 8)}
      </code>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label} ${id}`}
        className="rounded px-1 text-[0.6875rem] font-medium text-accent-text hover:bg-surface-muted"
      >
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
