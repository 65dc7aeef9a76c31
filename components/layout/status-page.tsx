import Link from "next/link";
import type { ReactNode } from "react";

/** A page that explains why there is nothing here (404, 403) and leads back to somewhere useful. */
export function StatusPage({ code, title, children }: { code: number; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 pt-[12vh] pb-16 text-center">
      <p className="font-mono text-sm font-medium text-accent-text">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">{title}</h1>
      <div className="mt-3 text-sm text-fg-muted">{children}</div>
      <Link
        href="/"
        className="mt-8 inline-flex h-9 items-center rounded-md bg-accent px-4 text-sm font-medium text-accent-fg shadow-xs hover:bg-accent-hover"
      >
        Go to the home page
      </Link>
    </div>
  );
}
