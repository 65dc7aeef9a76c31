"use client";

import { type ReactNode, useId, useState } from "react";
import type { Member } from "@/components/board/types";
import { buttonGhost, fieldInput, fieldLabel } from "@/components/ui/classes";
import { eventTypeLabels } from "./event-types";
import { fromLocalInput, toLocalInput } from "./local-datetime";
import type { AuditLogFilters as Filters } from "./use-audit-log-filters";

const noFilters: Filters = { user: "", type: "", from: "", to: "", correlationId: "" };

/**
 * The audit log's filters. Lists and dates apply at once; the correlation id when it is complete (Enter or
 * leaving the field), so typing it does not load a page per keystroke.
 */
export function AuditLogFilters({ filters, members, onChange }: { filters: Filters; members: Member[]; onChange: (change: Partial<Filters>) => void }) {
  const id = useId();
  const [correlationId, setCorrelationId] = useState(filters.correlationId);
  const active = Object.values(filters).some(Boolean);
  const applyCorrelation = () => {
    if (correlationId.trim() !== filters.correlationId) onChange({ correlationId });
  };

  return (
    <form
      role="search"
      aria-label="Filter events"
      onSubmit={(event) => {
        event.preventDefault();
        applyCorrelation();
      }}
      className="grid grid-cols-2 gap-3 rounded-xl border border-border bg-surface p-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]"
    >
      <Field id={`${id}-user`} label="User">
        <select id={`${id}-user`} value={filters.user} onChange={(e) => onChange({ user: e.target.value })} className={fieldInput}>
          <option value="">Anyone</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-type`} label="Event type">
        <select id={`${id}-type`} value={filters.type} onChange={(e) => onChange({ type: e.target.value })} className={fieldInput}>
          <option value="">Any event</option>
          {Object.entries(eventTypeLabels).map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <DateField id={`${id}-from`} label="From" value={filters.from} onChange={(from) => onChange({ from })} />
      <DateField id={`${id}-to`} label="To" value={filters.to} onChange={(to) => onChange({ to })} />
      <Field id={`${id}-correlation`} label="Correlation id">
        <input
          id={`${id}-correlation`}
          value={correlationId}
          onChange={(e) => setCorrelationId(e.target.value)}
          onBlur={applyCorrelation}
          spellCheck={false}
          className={`${fieldInput} font-mono text-xs`}
        />
      </Field>
      <div className="flex items-end">
        <button
          type="button"
          disabled={!active}
          onClick={() => {
            setCorrelationId("");
            onChange(noFilters);
          }}
          className={buttonGhost}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A local date and time in the field, an ISO instant in the URL (so a shared link means the same moment). */
function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (iso: string) => void }) {
  const date = value ? new Date(value) : null;
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        type="datetime-local"
        step={1}
        value={date && !Number.isNaN(date.getTime()) ? toLocalInput(date) : ""}
        onChange={(e) => onChange(fromLocalInput(e.target.value)?.toISOString() ?? "")}
        className={fieldInput}
      />
    </Field>
  );
}
