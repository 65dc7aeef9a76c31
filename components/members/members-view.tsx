"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { roleLabel } from "@/components/ui/format";
import { NoticeBar } from "@/components/board/notice";
import type { Role } from "@/components/board/types";
import { buttonDanger, fieldInput } from "@/components/ui/classes";
import { useTRPC } from "@/components/trpc/context";
import { errorCode, errorMessage } from "@/components/trpc/errors";
import { InviteForm } from "./invite-form";
import { useMemberCommand } from "./use-member-command";

const roles: Role[] = ["owner", "admin", "member", "viewer", "auditor"];

/**
 * A project's members and their roles. Owners and admins add, change and remove members here; the server
 * decides who may do what (only owners touch the owner role), and its refusals are shown as they come.
 */
export function MembersView({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.project.members.queryOptions({ projectId }));
  const command = useMemberCommand(projectId);

  if (members.isError) {
    const notFound = errorCode(members.error) === "NOT_FOUND";
    return (
      <div className="mx-auto max-w-md px-4 pt-[15vh] text-center">
        <h1 className="text-lg font-semibold text-fg">{notFound ? "Project not found" : "The members could not be loaded"}</h1>
        <p className="mt-2 text-sm text-fg-muted">{notFound ? "The project does not exist, or you are not a member of it." : errorMessage(members.error)}</p>
      </div>
    );
  }
  const data = members.data;
  const canManage = data?.role === "owner" || data?.role === "admin";

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <title>{data ? `Members · ${data.project.name} · Chronoboard` : "Members · Chronoboard"}</title>
      <Link href={`/projects/${projectId}`} className="text-sm font-medium text-accent-text underline-offset-4 hover:underline">
        Back to the board
      </Link>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-fg">Members{data ? `: ${data.project.name}` : ""}</h1>
      <p className="mt-1 min-h-5 text-sm text-fg-muted">
        {data
          ? canManage
            ? "Owners and admins add, change and remove members; only owners grant or take away the owner role."
            : `You are ${roleLabel[data.role].toLowerCase()}: only owners and admins change who is in the project.`
          : "Loading…"}
      </p>
      <NoticeBar notice={command.error ? { message: command.error } : null} onDismiss={command.clearError} className="mt-4" />
      {canManage ? (
        <div className="mt-4">
          <InviteForm onInvite={command.add} pending={command.pending} />
        </div>
      ) : null}
      <table className="cards-on-phone mt-6 w-full text-left text-sm">
        <caption className="sr-only">Members and their roles</caption>
        <thead className="border-b border-border text-xs text-fg-muted">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Name</th>
            <th scope="col" className="py-2 pr-3 font-medium">Email</th>
            <th scope="col" className="py-2 pr-3 font-medium">Role</th>
            {canManage ? <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {data?.members.map((member) => (
            <tr key={member.id} className="border-b border-border last:border-0">
              <th scope="row" className="block py-2.5 pr-3 font-medium text-fg sm:table-cell">
                {member.name}
                {member.id === data.userId ? <span className="ml-1.5 text-xs font-normal text-fg-muted">(you)</span> : null}
              </th>
              <td data-label="Email" className="truncate py-2.5 pr-3 text-fg-muted sm:max-w-48">{member.email}</td>
              <td className="py-2.5 pr-3">
                {canManage ? (
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    disabled={command.pending}
                    onChange={(e) => command.changeRole(member.id, e.target.value as Role)}
                    className={`${fieldInput} w-32`}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel[role]}
                      </option>
                    ))}
                  </select>
                ) : (
                  roleLabel[member.role]
                )}
              </td>
              {canManage ? (
                <td className="py-2.5 text-right">
                  <button
                    type="button"
                    disabled={command.pending}
                    onClick={() => command.remove(member.id)}
                    aria-label={`Remove ${member.name}`}
                    className={`${buttonDanger} h-7`}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
