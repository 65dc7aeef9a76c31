"use client";

import { useOptimistic, useTransition } from "react";
import { chooseTheme } from "@/app/theme-action";
import type { Theme } from "@/server/settings";

const choices: { theme: Theme; label: string; icon: React.ReactNode }[] = [
  {
    theme: "system",
    label: "System",
    icon: (
      <>
        <rect x="2" y="3" width="12" height="8" rx="1.5" />
        <path d="M6 13.5h4M8 11v2.5" />
      </>
    ),
  },
  {
    theme: "light",
    label: "Light",
    icon: (
      <>
        <circle cx="8" cy="8" r="2.75" />
        <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
      </>
    ),
  },
  { theme: "dark", label: "Dark", icon: <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5Z" /> },
];

/**
 * System, light or dark. The page switches at once (the <html> attribute the CSS reads); the choice is then kept
 * on the server, in the user's settings and this browser's cookie (app/theme-action.ts).
 */
export function ThemeToggle({ theme, showLabels = false }: { theme: Theme; showLabels?: boolean }) {
  // Shows the choice while it is saved; the server's next render (which the action triggers) then carries it.
  const [chosen, setChosen] = useOptimistic(theme);
  const [, startTransition] = useTransition();

  function choose(next: Theme) {
    document.documentElement.setAttribute("data-theme", next);
    startTransition(async () => {
      setChosen(next);
      await chooseTheme(next);
    });
  }

  return (
    <div role="group" aria-label="Theme" className="inline-flex shrink-0 items-center rounded-md border border-border bg-surface p-0.5">
      {choices.map((choice) => (
        <button
          key={choice.theme}
          type="button"
          aria-pressed={chosen === choice.theme}
          aria-label={showLabels ? undefined : `${choice.label} theme`}
          title={`${choice.label} theme`}
          onClick={() => choose(choice.theme)}
          className={`inline-flex h-7 items-center gap-1.5 rounded px-1.5 text-sm transition-colors ${
            chosen === choice.theme ? "bg-surface-muted text-fg" : "text-fg-muted hover:text-fg"
          } ${showLabels ? "flex-1 justify-center px-2.5" : ""}`}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" className="size-4">
            {choice.icon}
          </svg>
          {showLabels ? choice.label : null}
        </button>
      ))}
    </div>
  );
}
