"use client";

import { useId } from "react";
import { buttonGhost, fieldInput } from "@/components/ui/classes";
import { Field } from "@/components/history/audit-log-filters";
import { fromLocalInput, toLocalInput } from "@/components/history/local-datetime";
import { type AnalyticsParams, setAnalyticsParams } from "./use-analytics-params";

/** The range (whole days of the user's zone), the instant the log is read as of, and the diagram's sampling. */
export function AnalyticsControls({ params }: { params: AnalyticsParams }) {
  const id = useId();
  return (
    <form
      aria-label="Analytics range"
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-2 gap-3 rounded-xl border border-border bg-surface p-3 sm:grid-cols-4 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      <Field id={`${id}-from`} label="From">
        <input id={`${id}-from`} type="date" value={params.from} max={params.to} required onChange={(e) => e.target.value && setAnalyticsParams({ from: e.target.value })} className={fieldInput} />
      </Field>
      <Field id={`${id}-to`} label="To">
        <input id={`${id}-to`} type="date" value={params.to} min={params.from} required onChange={(e) => e.target.value && setAnalyticsParams({ to: e.target.value })} className={fieldInput} />
      </Field>
      <Field id={`${id}-as-of`} label="As of">
        <input
          id={`${id}-as-of`}
          type="datetime-local"
          step={1}
          value={params.asOf ? toLocalInput(params.asOf) : ""}
          onChange={(e) => setAnalyticsParams({ asOf: fromLocalInput(e.target.value)?.toISOString() ?? "" })}
          aria-describedby={`${id}-as-of-hint`}
          className={fieldInput}
        />
        <p id={`${id}-as-of-hint`} className="text-xs text-fg-muted">
          Empty: now. Only what had happened by then counts.
        </p>
      </Field>
      <Field id={`${id}-bucket`} label="Flow diagram samples">
        <select id={`${id}-bucket`} value={params.bucket} onChange={(e) => setAnalyticsParams({ bucket: e.target.value })} className={fieldInput}>
          <option value="hour">Every hour</option>
          <option value="day">Every day</option>
          <option value="week">Every week</option>
        </select>
      </Field>
      <div className="flex items-start pt-5">
        <button type="button" disabled={!params.asOf} onClick={() => setAnalyticsParams({ asOf: "" })} className={buttonGhost}>
          Back to now
        </button>
      </div>
    </form>
  );
}
