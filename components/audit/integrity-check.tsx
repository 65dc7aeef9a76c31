"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import { buttonSecondary } from "@/components/ui/classes";
import { AuditSection } from "./audit-section";

/** Runs the integrity check on demand: it walks the whole chain, which takes a while on a long history. */
export function IntegrityCheck({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const check = useMutation(trpc.audit.check.mutationOptions());
  const report = check.data;

  return (
    <AuditSection
      id="integrity-heading"
      title="Integrity check"
      description="Recomputes every link of the project's hash chain from the stored events and reports the first one that does not hold."
    >
      <button type="button" className={`${buttonSecondary} mt-4`} disabled={check.isPending} onClick={() => check.mutate({ projectId })}>
        {check.isPending ? "Checking…" : "Run integrity check"}
      </button>
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {report && !report.broken ? (
          <p className="text-fg">
            <strong className="font-semibold">Intact:</strong> {report.checked.toLocaleString("en-US")} events, chain head{" "}
            <code className="break-all font-mono text-xs">{report.head}</code>
          </p>
        ) : null}
        {report?.broken ? (
          <p className="rounded-md border border-danger-border bg-danger-surface px-3 py-2 text-danger">
            <strong className="font-semibold">Broken</strong> at chain record {report.broken.chainIndex} (position {report.broken.position},
            event <code className="break-all font-mono text-xs">{report.broken.eventId}</code>): {report.broken.reason}.
          </p>
        ) : null}
        {check.isError ? <p className="text-danger">{errorMessage(check.error)}</p> : null}
      </div>
    </AuditSection>
  );
}
