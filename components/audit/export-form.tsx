"use client";

import { useState } from "react";
import { buttonPrimary, buttonSecondary, fieldInput, fieldLabel } from "@/components/ui/classes";
import { countOf } from "@/components/ui/format";
import { AuditSection } from "./audit-section";
import { type DownloadState, useExportDownload } from "./use-export-download";

type Format = "ndjson" | "csv";

/** The export's URL: dates are whole days in the user's time zone, "through" included. */
export function exportUrl(projectId: string, range: { from: string; through: string; format: Format }): string {
  const params = new URLSearchParams({ format: range.format });
  if (range.from) params.set("from", localMidnight(range.from, 0));
  if (range.through) params.set("to", localMidnight(range.through, 1));
  return `/api/v1/projects/${projectId}/export?${params}`;
}

function localMidnight(day: string, addDays: number): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date! + addDays).toISOString();
}

export function ExportForm({ projectId }: { projectId: string }) {
  const [from, setFrom] = useState("");
  const [through, setThrough] = useState("");
  const [format, setFormat] = useState<Format>("ndjson");
  const download = useExportDownload();
  const busy = download.state.phase === "preparing" || download.state.phase === "downloading";
  const invalid = from !== "" && through !== "" && from > through;

  return (
    <AuditSection
      id="export-heading"
      title="Compliance export"
      description="A zip with every event of the range as stored, its hash chain, a manifest and instructions to verify it offline. The export itself is recorded in the project's history."
    >
      <form
        className="mt-4 grid gap-4 sm:grid-cols-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) void download.start(exportUrl(projectId, { from, through, format }));
        }}
      >
        <label className="space-y-1">
          <span className={fieldLabel}>From (optional)</span>
          <input type="date" value={from} max={through || undefined} onChange={(e) => setFrom(e.target.value)} className={fieldInput} />
        </label>
        <label className="space-y-1">
          <span className={fieldLabel}>Through (optional)</span>
          <input type="date" value={through} min={from || undefined} onChange={(e) => setThrough(e.target.value)} className={fieldInput} />
        </label>
        <fieldset className="space-y-1">
          <legend className={fieldLabel}>Format</legend>
          <div className="flex h-8 items-center gap-4 text-sm text-fg">
            {(["ndjson", "csv"] as const).map((value) => (
              <label key={value} className="inline-flex items-center gap-1.5">
                <input type="radio" name="format" value={value} checked={format === value} onChange={() => setFormat(value)} />
                {value === "ndjson" ? "NDJSON" : "CSV"}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className={buttonPrimary} disabled={busy || invalid}>
            Download export
          </button>
          {busy ? (
            <button type="button" className={buttonSecondary} onClick={download.cancel}>
              Cancel
            </button>
          ) : null}
          <p role="status" aria-live="polite" className="min-w-0 text-sm text-fg-muted">
            {invalid ? "The range ends before it starts." : statusText(download.state)}
          </p>
        </div>
      </form>
      {download.state.phase === "failed" ? (
        <p role="alert" className="mt-3 rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-sm text-danger">
          {download.state.message}
        </p>
      ) : null}
    </AuditSection>
  );
}

function statusText(state: DownloadState): string {
  switch (state.phase) {
    case "preparing":
      return "Sealing the log and preparing the export…";
    case "downloading":
      return `Downloading${state.events === null ? "" : ` ${countOf(state.events, "event")}`}… ${megabytes(state.bytes)} received`;
    case "done":
      return `Saved ${state.fileName} (${state.events === null ? "" : `${countOf(state.events, "event")}, `}${megabytes(state.bytes)}).`;
    default:
      return "";
  }
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 2 : 1)} MB`;
