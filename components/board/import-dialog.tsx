"use client";

import { useId, useState } from "react";
import { Dialog, DialogTitle } from "./dialog";
import { useBoardSession } from "./board-session";
import { useInvalidateBoard } from "./use-invalidate-board";
import { type BadRow, type ImportState, useCsvImport } from "./use-csv-import";
import { buttonPrimary, buttonSecondary, fieldLabel } from "../ui/classes";
import { countOf } from "../ui/format";

const TITLE_ID = "import-title";

/** The board's "Import CSV" button and dialog: tasks from a Trello or Jira export (README, "Import"). */
export function ImportButton() {
  const { projectId } = useBoardSession();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonSecondary}>
        Import CSV
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} labelledBy={TITLE_ID}>
        <ImportForm projectId={projectId} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ImportForm({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { state, start } = useCsvImport(projectId);
  const invalidateBoard = useInvalidateBoard(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [skipBadRows, setSkipBadRows] = useState(false);
  const fileId = useId();
  const hintId = useId();
  const busy = state.step === "checking" || state.step === "writing";

  return (
    <div className="p-5">
      <DialogTitle id={TITLE_ID} title="Import tasks from CSV" closeLabel="Close import" onClose={onClose} />
      <form
        className="space-y-4"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!file) return;
          await start(file, skipBadRows);
          void invalidateBoard();
        }}
      >
        <div className="space-y-1.5">
          <label htmlFor={fileId} className={fieldLabel}>
            CSV file exported from Trello or Jira
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            required
            disabled={busy}
            aria-describedby={hintId}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            className="block w-full text-sm text-fg file:mr-3 file:h-8 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:text-sm file:font-medium file:text-fg hover:file:bg-surface-muted"
          />
          <p id={hintId} className="text-xs text-fg-muted">
            Up to 10 MB and 20,000 rows. Each row becomes a task at the bottom of the column named by its list or status; names the board has
            no column for go to the first column.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-fg">
          <input type="checkbox" checked={skipBadRows} disabled={busy} onChange={(event) => setSkipBadRows(event.target.checked)} className="size-4 accent-accent" />
          Skip bad rows and import the rest
        </label>
        <Progress state={state} />
        <Outcome state={state} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className={buttonSecondary}>
            {state.step === "done" ? "Close" : "Cancel"}
          </button>
          <button type="submit" disabled={!file || busy} className={buttonPrimary}>
            {busy ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
    </div>
  );
}

/**
 * A real progressbar while writing (left full once done); an indeterminate one (no value) while the file is
 * sent and checked.
 */
function Progress({ state }: { state: ImportState }) {
  let counts: { done: number; total: number } | null = null;
  if (state.step === "writing") counts = state;
  else if (state.step === "done") counts = { done: state.report.created, total: state.report.created };
  else if (state.step !== "checking") return null;
  const share = counts ? (counts.total > 0 ? counts.done / counts.total : 1) : 0;
  const text = counts ? `${counts.done.toLocaleString("en-US")} of ${counts.total.toLocaleString("en-US")} tasks written` : "Sending and checking the file…";
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={counts ? 0 : undefined}
        aria-valuemax={counts ? counts.total : undefined}
        aria-valuenow={counts ? counts.done : undefined}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded-full bg-surface-muted"
      >
        <div className={`h-full rounded-full bg-accent ${counts ? "" : "w-1/3 animate-pulse"}`} style={counts ? { width: `${Math.round(share * 100)}%` } : undefined} />
      </div>
      <p className="text-xs text-fg-muted">{text}</p>
    </div>
  );
}

/** The outcome, announced: what was created, or why nothing was, with every bad row by its line. */
function Outcome({ state }: { state: ImportState }) {
  let body = null;
  if (state.step === "failed") body = <p className="text-danger">{state.message}</p>;
  if (state.step === "refused") {
    body = (
      <>
        <p className="text-danger">{state.message}. Fix these rows, or tick “Skip bad rows” to import the others.</p>
        <BadRows rows={state.badRows} title="Bad rows" />
      </>
    );
  }
  if (state.step === "done") {
    const { created, alreadyImported, badRows, skipped, unknownColumns, unknownAssignees } = state.report;
    body = (
      <>
        <p className="font-medium text-fg">
          {countOf(created, "task")} created
          {alreadyImported > 0 ? `; ${alreadyImported.toLocaleString("en-US")} rows were already imported from this file before` : ""}.
        </p>
        {unknownColumns.map((c) => (
          <p key={c.name} className="text-fg-muted">
            No column “{c.name}”: {countOf(c.rows, "task")} put in the first column.
          </p>
        ))}
        {unknownAssignees.map((a) => (
          <p key={a.name} className="text-fg-muted">
            “{a.name}” is not a member: {countOf(a.rows, "task")} left unassigned.
          </p>
        ))}
        {skipped ? <BadRows rows={badRows} title="Skipped rows" /> : null}
      </>
    );
  }
  return (
    <div role="status" aria-live="polite" className="space-y-2 text-sm">
      {body}
    </div>
  );
}

function BadRows({ rows, title }: { rows: BadRow[]; title: string }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-1 text-xs font-semibold tracking-wide text-fg-muted uppercase">
        {title} ({rows.length})
      </h3>
      {/* Focusable so a keyboard can scroll a long list. */}
      <ul tabIndex={0} aria-labelledby={headingId} className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-border p-2 text-sm">
        {rows.map((row) => (
          <li key={row.line}>
            <span className="font-medium text-fg">Line {row.line}:</span> <span className="text-fg-muted">{row.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
