"use client";

import { type Ref, useId, useState } from "react";
import type { LabelColour } from "@/server/domain";
import { labelChipClass, LabelSwatch } from "./label-colours";
import { type BoardFilters, noFilters, UNASSIGNED } from "./board-filters";
import { useBoardSession } from "./board-session";
import { countOf, priorities } from "../ui/format";
import { SearchIcon } from "./icons";
import { buttonGhost, fieldInput, iconButton } from "../ui/classes";

type Option = { value: string; label: string; className?: string };

/**
 * Search and filters under the board header. The values live in the URL (the caller owns them); the search
 * box keeps what is typed itself, as the URL catches up a moment after each keystroke.
 */
export function BoardFilterBar({
  filters,
  onChange,
  searchRef,
  onShowShortcuts,
}: {
  filters: BoardFilters;
  onChange: (change: Partial<BoardFilters>) => void;
  searchRef: Ref<HTMLInputElement>;
  onShowShortcuts: () => void;
}) {
  const { board, filter } = useBoardSession();
  const id = useId();
  const [text, setText] = useState(filters.q);
  const tasks = board.columns.flatMap((column) => column.tasks);
  const shown = tasks.filter(filter.matches).length;
  const labels = [...new Set(tasks.flatMap((task) => task.labels))].sort((a, b) => a.localeCompare(b));

  return (
    <div role="search" aria-label="Filter tasks" className="mb-4 flex flex-wrap items-center gap-2">
      <div className="relative w-full sm:w-64">
        <label htmlFor={`${id}-q`} className="sr-only">
          Search tasks
        </label>
        <SearchIcon className="pointer-events-none absolute top-2 left-2.5 size-4 text-fg-muted" />
        <input
          ref={searchRef}
          id={`${id}-q`}
          type="search"
          value={text}
          placeholder="Search tasks"
          aria-keyshortcuts="/"
          onChange={(event) => {
            setText(event.target.value);
            onChange({ q: event.target.value });
          }}
          className={`peer ${fieldInput} pr-8 pl-8 ${text.trim() ? activeField : ""}`}
        />
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute top-1.5 right-2 hidden h-5 items-center rounded border border-border px-1.5 font-sans text-xs text-fg-muted peer-placeholder-shown:inline-flex peer-focus:hidden"
        >
          /
        </kbd>
      </div>
      <FilterSelect
        id={`${id}-assignee`}
        label="Assignee"
        value={filters.assignee}
        options={[
          { value: "", label: "Any assignee" },
          { value: UNASSIGNED, label: "Unassigned" },
          ...board.members.map((member) => ({ value: member.id, label: member.name })),
        ]}
        onChange={(assignee) => onChange({ assignee })}
      />
      <FilterSelect
        id={`${id}-label`}
        label="Label"
        value={filters.label}
        options={[
          { value: "", label: "Any label" },
          ...labels.map((label) => ({ value: label, label, className: labelChipClass(board.labelColours[label]) })),
        ]}
        onChange={(label) => onChange({ label })}
        swatch={board.labelColours[filters.label]}
      />
      <FilterSelect
        id={`${id}-priority`}
        label="Priority"
        value={filters.priority}
        options={[{ value: "", label: "Any priority" }, ...priorities]}
        onChange={(priority) => onChange({ priority })}
      />
      <button
        type="button"
        disabled={!filter.active}
        onClick={() => {
          setText("");
          onChange(noFilters);
        }}
        className={buttonGhost}
      >
        Clear filters
      </button>
      <p role="status" className="ml-auto text-sm text-fg-muted tabular-nums">
        Showing {shown.toLocaleString("en-US")} of {countOf(tasks.length, "task")}
      </p>
      <button
        type="button"
        onClick={onShowShortcuts}
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        className={`${iconButton} border border-border font-semibold`}
      >
        ?
      </button>
    </div>
  );
}

/** Marks a control whose filter is set, so a narrowed board is never mistaken for the whole one. */
const activeField = "ring-1 ring-accent/60";

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  swatch,
}: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  /** A colour shown at the start of the field: the chosen label's. */
  swatch?: LabelColour;
}) {
  // A shared URL can name a label or member this board no longer has: still show what is filtered on.
  const known = options.some((option) => option.value === value);
  return (
    <div className="relative w-[calc(50%-0.25rem)] sm:w-40">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {swatch ? <LabelSwatch colour={swatch} className="pointer-events-none absolute top-2.5 left-2.5 size-3" /> : null}
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`${fieldInput} ${value ? activeField : ""} ${swatch ? "pl-7" : ""}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} className={option.className}>
            {option.label}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
