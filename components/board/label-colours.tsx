"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/context";
import type { LabelColour } from "@/server/domain";
import { useInvalidateBoard } from "./use-invalidate-board";

/*
 * How each colour of the palette (server/domain/events/fields.ts) is drawn. Each pairs an 800 text on a 100
 * background in light and a 200 text on a 950 background in dark: well above 4.5:1 in both, so the label's
 * text stays readable whatever the colour. Written out whole so Tailwind finds every class.
 */
const chipClass: Record<LabelColour, string> = {
  grey: "border-zinc-300 bg-zinc-100 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100",
  red: "border-red-300 bg-red-100 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
  orange: "border-orange-300 bg-orange-100 text-orange-800 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-200",
  amber: "border-amber-300 bg-amber-100 text-amber-800 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200",
  green: "border-green-300 bg-green-100 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200",
  teal: "border-teal-300 bg-teal-100 text-teal-800 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-200",
  blue: "border-blue-300 bg-blue-100 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200",
  indigo: "border-indigo-300 bg-indigo-100 text-indigo-800 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  purple: "border-purple-300 bg-purple-100 text-purple-800 dark:border-purple-800 dark:bg-purple-950 dark:text-purple-200",
  pink: "border-pink-300 bg-pink-100 text-pink-800 dark:border-pink-800 dark:bg-pink-950 dark:text-pink-200",
};

/** A label without a chosen colour: the board's plain look. */
const plainChip = "border-border bg-surface-muted text-fg-muted";

/** The swatches of the picker: the colour itself, solid. */
const swatchClass: Record<LabelColour, string> = {
  grey: "bg-zinc-500",
  red: "bg-red-500",
  orange: "bg-orange-500",
  amber: "bg-amber-400",
  green: "bg-green-500",
  teal: "bg-teal-500",
  blue: "bg-blue-500",
  indigo: "bg-indigo-500",
  purple: "bg-purple-500",
  pink: "bg-pink-500",
};

export const palette = Object.keys(chipClass) as LabelColour[];

/** The classes of a label drawn in its colour (border, background, text). */
export const labelChipClass = (colour: LabelColour | undefined) => (colour ? chipClass[colour] : plainChip);

/** A label as the board draws it, in its colour; `data-colour` names it for tests and styles. */
export function LabelChip({ label, colour, className = "" }: { label: string; colour: LabelColour | undefined; className?: string }) {
  return (
    <span data-label-colour={colour ?? "none"} className={`rounded-full border px-1.5 py-px ${labelChipClass(colour)} ${className}`}>
      {label}
    </span>
  );
}

/** The colour alone, as a dot (where a chip cannot be drawn, e.g. inside a select); hidden from screen readers. */
export function LabelSwatch({ colour, className = "" }: { colour: LabelColour; className?: string }) {
  return <span aria-hidden="true" data-swatch={colour} className={`rounded-full ${swatchClass[colour]} ${className}`} />;
}

/**
 * A button that opens the palette for one label; choosing a swatch sets the colour for the whole project
 * (an event of its log), so every card with that label changes.
 */
export function LabelColourPicker({ projectId, label, colour }: { projectId: string; label: string; colour: LabelColour | undefined }) {
  const trpc = useTRPC();
  const invalidateBoard = useInvalidateBoard(projectId);
  const setColour = useMutation(trpc.project.setLabelColour.mutationOptions({ onSettled: invalidateBoard }));
  const [open, setOpen] = useState(false);
  return (
    <span className="relative inline-flex">
      <button
        type="button"
        aria-expanded={open}
        aria-label={`Colour of label ${label}: ${colour ?? "none"}`}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex size-5 items-center justify-center rounded-full hover:bg-border"
      >
        <span aria-hidden="true" className={`size-2.5 rounded-full ring-1 ring-fg-muted/40 ${colour ? swatchClass[colour] : "bg-surface"}`} />
      </button>
      {open ? (
        <span
          role="group"
          aria-label={`Colours for label ${label}`}
          className="absolute top-6 left-0 z-20 grid w-max grid-cols-5 gap-1 rounded-md border border-border bg-surface p-1.5 shadow-lg"
        >
          {palette.map((option) => (
            <button
              key={option}
              type="button"
              aria-label={option}
              aria-pressed={option === colour}
              onClick={() => {
                setOpen(false);
                setColour.mutate({ projectId, commandId: crypto.randomUUID(), label, colour: option });
              }}
              className="inline-flex size-7 items-center justify-center rounded-md hover:bg-surface-muted aria-pressed:ring-2 aria-pressed:ring-ring"
            >
              <span aria-hidden="true" className={`size-4 rounded-full ${swatchClass[option]}`} />
            </button>
          ))}
        </span>
      ) : null}
    </span>
  );
}
