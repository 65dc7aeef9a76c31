import Link from "next/link";
import type { ComponentPropsWithRef, ReactNode } from "react";

/** Centered card used by the sign-in and sign-up pages. */
export function AuthShell({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="flex min-h-[calc(100dvh-3.5rem)] items-start justify-center px-4 pt-[12vh] pb-16">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
          <p className="mt-1 text-sm text-fg-muted">{subtitle}</p>
        </div>
        <div className="rounded-xl border border-border bg-surface p-6 shadow-sm shadow-black/[0.03]">
          {children}
        </div>
        <p className="mt-6 text-center text-sm text-fg-muted">{footer}</p>
      </div>
    </div>
  );
}

export function AuthLink({ href, children }: { href: "/sign-in" | "/sign-up"; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-accent-text underline-offset-4 hover:underline">
      {children}
    </Link>
  );
}

export function Field({
  id,
  label,
  hint,
  invalid,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  invalid?: boolean;
} & Omit<ComponentPropsWithRef<"input">, "id">) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={hintId}
        className="block h-9 w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-fg shadow-xs transition-colors placeholder:text-fg-muted/70 hover:border-fg-muted/60 disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-danger"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** Always rendered so screen readers announce messages placed into it. */
export function FormError({ id, message }: { id: string; message: string | null }) {
  return (
    <div id={id} aria-live="assertive" aria-atomic="true">
      {message ? (
        <p className="flex gap-2 rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-4 shrink-0 fill-current">
            <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM7.25 4.75a.75.75 0 0 1 1.5 0v3.5a.75.75 0 0 1-1.5 0v-3.5ZM8 11.75a1 1 0 1 1 0-2 1 1 0 0 1 0 2Z" />
          </svg>
          <span>{message}</span>
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ pending, idle, busy }: { pending: boolean; idle: string; busy: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="inline-flex h-9 w-full items-center justify-center gap-2 rounded-md bg-accent px-4 text-sm font-medium text-accent-fg shadow-xs transition-colors hover:bg-accent-hover disabled:cursor-wait disabled:opacity-70"
    >
      {pending ? (
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 animate-spin">
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeOpacity="0.3" strokeWidth="2" />
          <path d="M14 8a6 6 0 0 0-6-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      ) : null}
      {pending ? busy : idle}
    </button>
  );
}
