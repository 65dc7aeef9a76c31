"use client";

import { useId } from "react";
import { ChevronIcon } from "@/components/board/icons";
import { buttonSecondary, fieldInput, fieldLabel } from "@/components/ui/classes";
import { fromLocalInput, toLocalInput } from "@/components/history/local-datetime";
import { formatInstant } from "./format-instant";

const STEPS = 1000;

/**
 * A slider from the project's creation to now, with a tick for each change (`marks`), buttons that step to
 * the previous and next change, and a date-time field for an exact instant. The slider moves in thousandths
 * of the project's life, so arrow keys take useful steps on both short and long histories.
 */
export function TimeControls({
  min,
  max,
  value,
  onChange,
  marks = [],
}: {
  min: Date | null;
  max: Date;
  value: Date;
  onChange: (date: Date) => void;
  marks?: Date[];
}) {
  const id = useId();
  const start = min?.getTime() ?? max.getTime();
  const span = Math.max(1, max.getTime() - start);
  const position = Math.round(((Math.min(Math.max(value.getTime(), start), max.getTime()) - start) / span) * STEPS);
  const times = [...new Set(marks.map((mark) => mark.getTime()))].sort((a, b) => a - b);
  const previous = times.findLast((time) => time < value.getTime());
  const next = times.find((time) => time > value.getTime());

  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-60 flex-1 space-y-1">
        <label htmlFor={`${id}-slider`} className={fieldLabel}>
          Point in time
        </label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={STEPS}
          step={1}
          disabled={!min}
          value={position}
          aria-valuetext={formatInstant(value)}
          onChange={(event) => onChange(new Date(start + (span * Number(event.target.value)) / STEPS))}
          className="block h-8 w-full accent-accent"
        />
        <div aria-hidden="true" data-event-marks className="relative mx-2 h-2">
          {times.map((time) => (
            <span
              key={time}
              className="absolute top-0 h-2 w-px bg-amber-600/70 dark:bg-amber-400/70"
              style={{ left: `${((time - start) / span) * 100}%` }}
            />
          ))}
        </div>
        <div aria-hidden="true" className="flex justify-between text-[0.6875rem] text-fg-muted">
          <span>{min ? `Created ${formatInstant(min)}` : "…"}</span>
          <span>Now</span>
        </div>
      </div>
      <div className="flex gap-1.5">
        <button
          type="button"
          disabled={previous === undefined}
          onClick={() => previous !== undefined && onChange(new Date(previous))}
          className={`${buttonSecondary} h-8`}
        >
          <ChevronIcon direction="left" />
          Previous change
        </button>
        <button
          type="button"
          disabled={next === undefined}
          onClick={() => next !== undefined && onChange(new Date(next))}
          className={`${buttonSecondary} h-8`}
        >
          Next change
          <ChevronIcon direction="right" />
        </button>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-picker`} className={fieldLabel}>
          Date and time
        </label>
        <input
          id={`${id}-picker`}
          type="datetime-local"
          step={1}
          max={toLocalInput(max)}
          value={toLocalInput(value)}
          onChange={(event) => {
            const date = fromLocalInput(event.target.value);
            if (date) onChange(date);
          }}
          className={`${fieldInput} w-56`}
        />
      </div>
    </div>
  );
}
