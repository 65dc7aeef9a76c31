import type { ReactNode } from "react";

/** One panel of the audit page: a titled card with a line on what it does. */
export function AuditSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-border bg-surface p-5 shadow-xs">
      <h2 id={id} className="text-base font-semibold text-fg">
        {title}
      </h2>
      <p className="mt-1 text-sm text-fg-muted">{description}</p>
      {children}
    </section>
  );
}
