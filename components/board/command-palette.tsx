"use client";

import { Command, defaultFilter } from "cmdk";
import { useRef } from "react";
import { Dialog } from "./dialog";
import type { PaletteCommand, PaletteGroup } from "./palette-commands";

const TITLE_ID = "command-palette-title";

/** Matches a command by its label and keywords (fuzzy, cmdk's own scoring), never by its id. */
const filter = (_id: string, search: string, keywords?: string[]) => defaultFilter(keywords?.join(" ") ?? "", search);

/**
 * The command palette (⌘K / Ctrl+K): a native modal dialog holding cmdk's combobox and listbox. The dialog
 * closes on Escape and gives focus back to what had it; a chosen command runs once it has closed, so that
 * what it focuses (the search box, a task panel) is no longer behind an inert page.
 */
export function CommandPalette({ open, onClose, groups }: { open: boolean; onClose: () => void; groups: PaletteGroup[] }) {
  const chosen = useRef<(() => void) | null>(null);

  function close() {
    onClose();
    const run = chosen.current;
    chosen.current = null;
    run?.();
  }

  function choose(command: PaletteCommand) {
    chosen.current = command.run;
    onClose();
  }

  return (
    <Dialog open={open} onClose={close} labelledBy={TITLE_ID} placement="top">
      <h2 id={TITLE_ID} className="sr-only">
        Command palette
      </h2>
      <Command label="Commands" filter={filter} loop className="flex max-h-[min(34rem,80dvh)] flex-col">
        <div className="border-b border-border px-3">
          <Command.Input
            data-autofocus
            placeholder="Type a command or a task’s title…"
            className="h-12 w-full bg-transparent text-[0.9375rem] text-fg outline-none placeholder:text-fg-muted"
          />
        </div>
        <Command.List className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-1.5 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-fg-muted">
          <Command.Empty className="px-3 py-6 text-center text-sm text-fg-muted">No command or task matches.</Command.Empty>
          {groups.map((group) => (
            <Command.Group key={group.heading} heading={group.heading}>
              {group.commands.map((command) => (
                <Command.Item
                  key={command.id}
                  value={command.id}
                  keywords={[command.label, ...(command.keywords ?? [])]}
                  onSelect={() => choose(command)}
                  aria-keyshortcuts={command.shortcut}
                  className="flex min-h-9 cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 text-sm text-fg data-[selected=true]:bg-accent/12 data-[selected=true]:text-fg dark:data-[selected=true]:bg-accent/25"
                >
                  <span className="min-w-0 flex-1 truncate">{command.label}</span>
                  {command.shortcut ? (
                    <kbd aria-hidden="true" className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded border border-border-strong bg-surface-muted px-1 font-sans text-xs text-fg-muted">
                      {command.shortcut}
                    </kbd>
                  ) : null}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Dialog>
  );
}
