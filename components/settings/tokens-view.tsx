"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { NoticeBar } from "@/components/board/notice";
import { buttonDanger, buttonPrimary, fieldInput, fieldLabel } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { refetchFromNow } from "@/components/trpc/refetch-from-now";
import { errorMessage } from "@/components/trpc/errors";
import { NewToken } from "./new-token";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** Personal API tokens: create (shown once), list with their last use, revoke. */
export function TokensView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.token.list.queryOptions());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The form works while the list is still loading: a token created meanwhile must show in it.
  const refresh = () => refetchFromNow(queryClient, trpc.token.list.queryFilter());
  const create = useMutation(
    trpc.token.create.mutationOptions({ onSuccess: refresh, onError: (e) => setError(errorMessage(e)), onMutate: () => setError(null) }),
  );
  const revoke = useMutation(
    trpc.token.revoke.mutationOptions({ onSuccess: refresh, onError: (e) => setError(errorMessage(e)), onMutate: () => setError(null) }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name }, { onSuccess: () => setName("") });
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <title>API tokens · Chronoboard</title>
      <Link href="/projects" className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Back to projects
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">API tokens</h1>
      <p className="mt-1 text-sm text-fg-muted">
        A token acts with your roles on the read-only HTTP API and the compliance export: send it as{" "}
        <code className="font-mono text-xs">Authorization: Bearer cbt_…</code>. Revoke a token you no longer use.
      </p>
      <NoticeBar notice={error ? { message: error } : null} onDismiss={() => setError(null)} className="mt-4" />
      <form onSubmit={submit} aria-label="Create a token" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-4">
        <label className="flex min-w-56 flex-1 flex-col gap-1">
          <span className={fieldLabel}>Token name</span>
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. audit collector" className={fieldInput} />
        </label>
        <button type="submit" disabled={create.isPending} className={buttonPrimary}>
          Create token
        </button>
      </form>
      {create.data ? (
        <div className="mt-4">
          <NewToken name={create.variables?.name.trim() ?? ""} token={create.data.token} />
        </div>
      ) : null}
      <table className="mt-6 w-full text-left text-sm">
        <caption className="sr-only">Your API tokens</caption>
        <thead className="border-b border-border text-xs text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Name</th>
            <th scope="col" className="py-2 pr-3 font-medium">Created</th>
            <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-4 text-fg-muted">No tokens yet.</td>
            </tr>
          ) : null}
          {tokens.data?.map((token) => (
            <tr key={token.id} className="border-b border-border last:border-0">
              <th scope="row" className="py-2.5 pr-3 font-medium text-fg">{token.name}</th>
              <td className="py-2.5 pr-3 text-fg-muted">{when.format(token.createdAt)}</td>
              <td className="py-2.5 pr-3 text-fg-muted">{token.lastUsedAt ? when.format(token.lastUsedAt) : "Never"}</td>
              <td className="py-2.5 text-right">
                {token.revokedAt ? (
                  <span className="text-xs text-fg-muted">Revoked {when.format(token.revokedAt)}</span>
                ) : (
                  <button
                    type="button"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate({ id: token.id })}
                    aria-label={`Revoke ${token.name}`}
                    className={`${buttonDanger} h-7`}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
