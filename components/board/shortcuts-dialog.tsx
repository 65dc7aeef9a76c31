"use client";

import { Dialog, DialogTitle } from "./dialog";

const TITLE_ID = "shortcuts-title";

/** A key as printed on the key cap, and how a screen reader should say it when the glyph says little. */
type Key = { cap: string; spoken?: string };
type Shortcut = { keys: Key[]; action: string };

// The keys are use-board-shortcuts.ts's.
const boardShortcuts: Shortcut[] = [
  { keys: [{ cap: "Ctrl", spoken: "Control" }, { cap: "K" }], action: "Command palette (⌘ K on a Mac)" },
  { keys: [{ cap: "n" }], action: "New task in the first column" },
  { keys: [{ cap: "/", spoken: "slash" }], action: "Search tasks" },
  { keys: [{ cap: "j" }, { cap: "k" }], action: "Focus the next or previous card" },
  { keys: [{ cap: "t" }], action: "Time travel, or back to now" },
  { keys: [{ cap: "?", spoken: "question mark" }], action: "Show these shortcuts" },
  { keys: [{ cap: "Esc" }], action: "Close a dialog or form" },
];

const focusedCardShortcuts: Shortcut[] = [
  { keys: [{ cap: "a" }], action: "Change the assignee" },
  { keys: [{ cap: "p" }], action: "Change the priority" },
  { keys: [{ cap: "l" }], action: "Edit the labels" },
];

// The drag keys are dnd-kit's keyboard sensor as configured in board-columns.tsx.
const cardShortcuts: Shortcut[] = [
  { keys: [{ cap: "Tab" }], action: "Go to the next card or control" },
  { keys: [{ cap: "Enter" }], action: "Open the focused task" },
  { keys: [{ cap: "Space" }], action: "Pick up the focused card; press again to drop it" },
  {
    keys: [
      { cap: "←", spoken: "left arrow" },
      { cap: "↑", spoken: "up arrow" },
      { cap: "→", spoken: "right arrow" },
      { cap: "↓", spoken: "down arrow" },
    ],
    action: "Move the picked-up card within or between columns",
  },
  { keys: [{ cap: "Esc" }], action: "Put the picked-up card back where it was" },
];

/** Lists every keyboard shortcut of the board, opened with `?` or the button in the filter bar. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy={TITLE_ID}>
      <div className="p-5">
        <DialogTitle id={TITLE_ID} title="Keyboard shortcuts" closeLabel="Close keyboard shortcuts" onClose={onClose} />
        <div className="space-y-5">
          <ShortcutList title="On the board" shortcuts={boardShortcuts} />
          <ShortcutList title="On a focused card" shortcuts={focusedCardShortcuts} />
          <ShortcutList title="Moving a card" shortcuts={cardShortcuts} />
        </div>
      </div>
    </Dialog>
  );
}

function ShortcutList({ title, shortcuts }: { title: string; shortcuts: Shortcut[] }) {
  return (
    <section>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-fg-muted uppercase">{title}</h3>
      <dl className="space-y-2 text-sm">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.action} className="flex items-center justify-between gap-4">
            <dt className="flex shrink-0 gap-1">
              {shortcut.keys.map((key) => (
                <kbd
                  key={key.cap}
                  className="inline-flex h-6 min-w-6 items-center justify-center rounded-md border border-border-strong bg-surface-muted px-1.5 font-sans text-xs font-medium text-fg shadow-[0_1px_0_var(--cb-border-strong)]"
                >
                  <span aria-hidden={key.spoken ? true : undefined}>{key.cap}</span>
                  {key.spoken ? <span className="sr-only">{key.spoken}</span> : null}
                </kbd>
              ))}
            </dt>
            <dd className="text-right text-fg-muted">{shortcut.action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
