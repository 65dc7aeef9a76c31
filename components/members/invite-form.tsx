"use client";

import { type FormEvent, useState } from "react";
import { roleLabel } from "@/components/ui/format";
import { buttonPrimary, fieldInput, fieldLabel } from "@/components/ui/classes";
import type { InvitableRole } from "./use-member-command";

const invitable: InvitableRole[] = ["admin", "member", "viewer", "auditor"];

/** Adds someone who already has an account, by email, with a role (an owner is made from a member). */
export function InviteForm({ onInvite, pending }: { onInvite: (email: string, role: InvitableRole) => Promise<unknown>; pending: boolean }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole>("member");

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await onInvite(email.trim(), role);
      setEmail("");
    } catch {
      // The page shows the server's message; the email stays for correcting.
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a member" className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-4">
      <label className="flex min-w-56 flex-1 flex-col gap-1">
        <span className={fieldLabel}>Email</span>
        <input type="email" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} className={fieldInput} placeholder="name@example.com" />
      </label>
      <label className="flex flex-col gap-1">
        <span className={fieldLabel}>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as InvitableRole)} className={`${fieldInput} w-36`}>
          {invitable.map((value) => (
            <option key={value} value={value}>
              {roleLabel[value]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={buttonPrimary}>
        Add member
      </button>
    </form>
  );
}
