"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { buttonSecondary, fieldInput } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { errorMessage } from "@/components/trpc/errors";
import type { DeadLetter } from "./types";

/** Every project's parked events (with retry and skip) and the events held behind them. */
export function DeadLetterTable({ letters }: { letters: DeadLetter[] | undefined }) {
  return (
    <section aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading" className="text-base font-semibold text-fg">
        Dead letters
      </h2>
      <p className="mt-1 text-sm text-fg-muted">
        An event a projector could not apply after its retries is parked; later events of the same task or project wait behind it
        (held) while everything else moves on. Retry it after a fix, or skip it; either is recorded in the project&apos;s log with your
        reason.
      </p>
      {letters?.length === 0 ? <p className="mt-3 text-sm text-fg-muted">Nothing is parked.</p> : null}
      {letters && letters.length > 0 ? (
        <ul className="mt-3 divide-y divide-border rounded-lg border border-border bg-surface">
          {letters.map((letter) => (
            <DeadLetterItem key={`${letter.projector}:${letter.eventId}`} letter={letter} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DeadLetterItem({ letter }: { letter: DeadLetter }) {
  return (
    <li className="space-y-2 px-3 py-3 text-sm" data-dead-letter={letter.eventId}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-medium text-fg">{letter.eventType}</span>
        <span className="rounded-full border border-border px-2 py-0.5 text-xs text-fg-muted">{letter.status}</span>
        <span className="font-mono text-xs break-all text-fg-muted">{letter.projector}</span>
        <span className="text-xs text-fg-muted">
          {letter.aggregateType} {letter.aggregateId.slice(0, 8)} v{letter.version} · project {letter.projectId.slice(0, 8)} · position{" "}
          {letter.position}
        </span>
      </div>
      {letter.status === "parked" ? (
        <>
          <p className="break-words font-mono text-xs text-danger">
            {letter.error} ({letter.attempts} attempts, last {new Date(letter.lastFailedAt).toLocaleString("en-US")})
          </p>
          <DecisionForm letter={letter} />
        </>
      ) : null}
    </li>
  );
}

function DecisionForm({ letter }: { letter: DeadLetter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => queryClient.invalidateQueries(trpc.operations.pathFilter());
  const retry = useMutation(trpc.operations.retryDeadLetter.mutationOptions({ onSuccess: refresh }));
  const skip = useMutation(trpc.operations.skipDeadLetter.mutationOptions({ onSuccess: refresh }));
  const pending = retry.isPending || skip.isPending;
  const failed = retry.error ?? skip.error;
  const decision = () => ({
    commandId: crypto.randomUUID(),
    projectId: letter.projectId,
    projector: letter.projector,
    eventId: letter.eventId,
    reason,
  });
  const inputId = `reason-${letter.projector}-${letter.eventId}`;

  return (
    <form className="flex flex-wrap items-end gap-2" onSubmit={(event) => event.preventDefault()}>
      <div className="min-w-56 flex-1">
        <label htmlFor={inputId} className="text-xs font-medium text-fg-muted">
          Reason (kept in the log)
        </label>
        <input id={inputId} className={fieldInput} value={reason} maxLength={500} required onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" className={buttonSecondary} disabled={pending || !reason.trim()} onClick={() => retry.mutate(decision())}>
        Retry
      </button>
      <button type="button" className={buttonSecondary} disabled={pending || !reason.trim()} onClick={() => skip.mutate(decision())}>
        Skip
      </button>
      {failed ? (
        <p role="alert" className="w-full text-xs text-danger">
          {errorMessage(failed)}
        </p>
      ) : null}
    </form>
  );
}
