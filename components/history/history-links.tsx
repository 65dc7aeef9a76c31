"use client";

import Link from "next/link";
import type { Role } from "@/components/board/types";
import { buttonGhost } from "@/components/ui/classes";

/** The compliance export is for owners, admins and auditors (the audit page admits no one else). */
export const canExportAudit = (role: Role) => role === "owner" || role === "admin" || role === "auditor";

/** Links from a board: its members, history and automation for everyone, the compliance export for those allowed. */
export function HistoryLinks({ projectId, role }: { projectId: string; role: Role }) {
  return (
    <>
      <Link href={`/projects/${projectId}/members`} className={buttonGhost}>
        Members
      </Link>
      <Link href={`/projects/${projectId}/history`} className={buttonGhost}>
        History
      </Link>
      <Link href={`/projects/${projectId}/automation`} className={buttonGhost}>
        Automation
      </Link>
      {canExportAudit(role) ? (
        <Link href={`/projects/${projectId}/audit`} className={buttonGhost}>
          Audit export
        </Link>
      ) : null}
    </>
  );
}
