"use client";

import { useState } from "react";
import type { ImportStreamLine } from "@/server/api/http/import";
import type { ImportReport } from "@/server/import";

export type BadRow = ImportReport["badRows"][number];

/** Where an import is: sending and checking the file, writing (with counts), or its outcome. */
export type ImportState =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "writing"; done: number; total: number }
  | { step: "done"; report: ImportReport }
  | { step: "refused"; message: string; badRows: BadRow[] }
  | { step: "failed"; message: string };

/**
 * Sends a CSV file to the import route and follows its answer: a 4xx (a file it cannot read, or bad rows and
 * nothing written), or a stream of progress lines ending with the report.
 */
export function useCsvImport(projectId: string) {
  const [state, setState] = useState<ImportState>({ step: "idle" });

  async function start(file: File, skipBadRows: boolean) {
    setState({ step: "checking" });
    try {
      const response = await fetch(`/api/v1/projects/${projectId}/import${skipBadRows ? "?skipBadRows=true" : ""}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: file,
      });
      if (!response.ok || !response.body) {
        const answer = (await response.json().catch(() => ({}))) as { error?: string | { message?: string }; badRows?: BadRow[] };
        const message = typeof answer.error === "string" ? answer.error : (answer.error?.message ?? `The import failed (${response.status})`);
        setState(answer.badRows ? { step: "refused", message, badRows: answer.badRows } : { step: "failed", message });
        return;
      }
      await follow(response.body, setState);
    } catch {
      setState({ step: "failed", message: "The file could not be sent; check the connection and try again" });
    }
  }

  return { state, start, reset: () => setState({ step: "idle" }) };
}

/** Reads the answer's lines as they arrive (one JSON object each). */
async function follow(body: ReadableStream<Uint8Array>, setState: (state: ImportState) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffered += decoder.decode(chunk.value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const text of lines.filter(Boolean)) {
      const line = JSON.parse(text) as ImportStreamLine;
      if (line.type === "progress") setState({ step: "writing", done: line.done, total: line.total });
      else if (line.type === "error") setState({ step: "failed", message: line.message });
      else if (line.report.badRows.length > 0 && !line.report.skipped) {
        // The board changed between the check and the write (a WIP limit reached meanwhile).
        setState({ step: "refused", message: `${line.report.badRows.length === 1 ? "1 bad row" : `${line.report.badRows.length} bad rows`}: nothing was written`, badRows: line.report.badRows });
      } else setState({ step: "done", report: line.report });
    }
  }
}
