/** Shared Tailwind class lists, so buttons and fields look the same on every board surface. */

const buttonBase =
  "inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60";

export const buttonPrimary = `${buttonBase} bg-accent text-accent-fg shadow-xs hover:bg-accent-hover`;
export const buttonSecondary = `${buttonBase} border border-border bg-surface text-fg shadow-xs hover:bg-surface-muted`;
export const buttonGhost = `${buttonBase} text-fg-muted hover:bg-surface-muted hover:text-fg`;
export const buttonDanger = `${buttonBase} border border-danger-border bg-danger-surface text-danger hover:border-danger`;
export const iconButton =
  "inline-flex size-7 shrink-0 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg disabled:cursor-not-allowed disabled:opacity-50";

export const fieldInput =
  "block h-8 w-full min-w-0 rounded-md border border-border-strong bg-surface px-2.5 text-sm text-fg shadow-xs transition-colors placeholder:text-fg-muted/70 hover:border-fg-muted/60 disabled:cursor-not-allowed disabled:opacity-60";
export const fieldTextarea =
  "block w-full min-w-0 rounded-md border border-border-strong bg-surface px-2.5 py-2 text-sm text-fg shadow-xs transition-colors placeholder:text-fg-muted/70 hover:border-fg-muted/60 disabled:opacity-60";
export const fieldLabel = "text-xs font-medium text-fg-muted";
