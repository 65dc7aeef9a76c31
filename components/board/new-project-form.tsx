"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/context";
import { usePendingCommandIds } from "@/components/trpc/command-ids";
import { errorMessage } from "@/components/trpc/errors";
import { PlusIcon } from "./icons";
import { buttonPrimary, fieldInput } from "../ui/classes";

/** Creates a project and opens its board. */
export function NewProjectForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [name, setName] = useState("");
  const commandIds = usePendingCommandIds();
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: async ({ projectId }) => {
        await queryClient.invalidateQueries(trpc.project.list.queryFilter());
        router.push(`/projects/${projectId}`);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim() || create.isPending) return;
    create.mutate(
      { commandId: commandIds.idFor({ name: name.trim() }), name: name.trim() },
      { onSettled: (_answer, error) => commandIds.settled(error) },
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="new-project-heading" className="rounded-xl border border-border bg-surface p-4">
      <h2 id="new-project-heading" className="text-sm font-semibold text-fg">
        New project
      </h2>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="new-project-name" className="sr-only">
          Project name
        </label>
        <input
          id="new-project-name"
          value={name}
          maxLength={100}
          placeholder="Project name, e.g. Website relaunch"
          onChange={(event) => setName(event.target.value)}
          className={`${fieldInput} h-9 sm:flex-1`}
        />
        <button type="submit" disabled={!name.trim() || create.isPending} className={`${buttonPrimary} h-9`}>
          <PlusIcon />
          {create.isPending || create.isSuccess ? "Creating…" : "Create project"}
        </button>
      </div>
      {create.error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {errorMessage(create.error)}
        </p>
      ) : null}
    </form>
  );
}
