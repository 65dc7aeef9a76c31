"use client";

import { useRef, useState } from "react";
import { saveBlob } from "@/components/download/save-blob";

export type DownloadState =
  | { phase: "idle" }
  | { phase: "preparing" }
  | { phase: "downloading"; bytes: number; events: number | null }
  | { phase: "done"; fileName: string; bytes: number; events: number | null }
  | { phase: "failed"; message: string };

/**
 * Fetches an export and saves it as a file, reporting the bytes received as they arrive: a long export
 * streams for a while, and the browser's own download bar would not show that on the page.
 */
export function useExportDownload() {
  const [state, setState] = useState<DownloadState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function start(url: string) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: "preparing" });
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const answer = (await response.json().catch(() => null)) as { error?: string } | null;
        setState({ phase: "failed", message: answer?.error ?? `The export failed (HTTP ${response.status}).` });
        return;
      }
      const events = Number(response.headers.get("x-event-count") ?? NaN);
      const known = Number.isFinite(events) ? events : null;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setState({ phase: "downloading", bytes, events: known });
      }
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "chronoboard-audit.zip";
      saveBlob(new Blob(chunks, { type: "application/zip" }), fileName);
      setState({ phase: "done", fileName, bytes, events: known });
    } catch (error) {
      if (controller.signal.aborted) setState({ phase: "idle" });
      else setState({ phase: "failed", message: `The download stopped: ${(error as Error).message}` });
    }
  }

  return { state, start, cancel: () => abort.current?.abort() };
}
