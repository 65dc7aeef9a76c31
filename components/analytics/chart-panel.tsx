"use client";

import type { ReactNode } from "react";
import { buttonSecondary } from "@/components/ui/classes";
import { downloadCsv } from "./csv";
import { formatCell } from "./format";
import type { NumbersTable } from "./types";

type Props = {
  id: string;
  title: string;
  description: ReactNode;
  /** What the chart shows, in a sentence, for screen readers. */
  summary: string;
  /** The numbers behind the chart: its table and its CSV file. */
  numbers: NumbersTable;
  fileName: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  /** The chart; without one, the table is the panel's content. */
  children?: ReactNode;
};

/** One panel of the analytics page: title, what it means, the chart, its numbers as a table and as a CSV file. */
export function ChartPanel({ id, title, description, summary, numbers, fileName, empty, children }: Props) {
  return (
    <section aria-labelledby={id} data-chart={id} className="min-w-0 rounded-lg border border-border bg-surface p-4 shadow-xs sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-64">
          <h2 id={id} className="text-base font-semibold text-fg">
            {title}
          </h2>
          <p className="mt-1 text-sm text-fg-muted">{description}</p>
        </div>
        <button type="button" onClick={() => downloadCsv(fileName, numbers)} className={buttonSecondary}>
          Download CSV<span className="sr-only"> of {title.toLowerCase()}</span>
        </button>
      </div>
      {empty ? (
        <p className="mt-4 rounded-md border border-dashed border-border px-4 py-10 text-center text-sm text-fg-muted">{empty}</p>
      ) : children ? (
        // The drawing is one image to assistive technology; the same numbers follow as a table.
        <div role="img" aria-label={summary} className="mt-4 h-72 text-fg-muted">
          {children}
        </div>
      ) : null}
      {children ? (
        <details className="mt-3">
          <summary className="cursor-pointer rounded text-sm font-medium text-accent-text underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring">
            Show the numbers
          </summary>
          <NumbersTableView title={title} numbers={numbers} />
        </details>
      ) : empty ? null : (
        <NumbersTableView title={title} numbers={numbers} />
      )}
    </section>
  );
}

function NumbersTableView({ title, numbers }: { title: string; numbers: NumbersTable }) {
  return (
    <div className="mt-2 max-h-80 overflow-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{title}</caption>
        <thead className="sticky top-0 bg-surface-muted text-xs text-fg-muted">
          <tr>
            {numbers.header.map((name) => (
              <th key={name} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {numbers.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j} className={`px-3 py-1.5 whitespace-nowrap ${typeof cell === "number" ? "tabular-nums" : ""} text-fg`}>
                  {formatCell(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
