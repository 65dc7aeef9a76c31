"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Role } from "@/components/board/types";
import { useTRPC } from "@/components/trpc/context";
import { refetchFromNow } from "@/components/trpc/refetch-from-now";
import { errorMessage } from "@/components/trpc/errors";

/**
 * Runs membership mutations for the members page: each call gets its own command id, the member list is
 * refetched after a success, and the last failure is kept as a message to show.
 */
export function useMemberCommand(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const options = {
    onMutate: () => setError(null),
    onError: (failure: unknown) => setError(errorMessage(failure)),
    onSuccess: () => refetchFromNow(queryClient, trpc.project.members.queryFilter({ projectId })),
  };
  const add = useMutation(trpc.project.addMember.mutationOptions(options));
  const changeRole = useMutation(trpc.project.changeMemberRole.mutationOptions(options));
  const remove = useMutation(trpc.project.removeMember.mutationOptions(options));
  const base = () => ({ projectId, commandId: crypto.randomUUID() });
  return {
    error,
    clearError: () => setError(null),
    pending: add.isPending || changeRole.isPending || remove.isPending,
    add: (email: string, role: InvitableRole) => add.mutateAsync({ ...base(), email, role }),
    changeRole: (userId: string, role: Role) => changeRole.mutate({ ...base(), userId, role }),
    remove: (userId: string) => remove.mutate({ ...base(), userId }),
  };
}

export type InvitableRole = Exclude<Role, "owner">;
