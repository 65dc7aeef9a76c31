"use client";

import type { ReactNode } from "react";
import { roleLabel } from "@/components/ui/format";
import type { BoardData, Role } from "@/components/board/types";
import { buttonPrimary, fieldInput, fieldLabel } from "@/components/ui/classes";
import { errorMessage } from "@/components/trpc/errors";

const roles = Object.keys(roleLabel) as Role[];

export function ColumnSelect({ id, board, value, onChange }: { id: string; board: BoardData; value: string; onChange: (columnId: string) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={fieldInput}>
      {board.columns.map((column) => (
        <option key={column.id} value={column.id}>
          {column.name}
        </option>
      ))}
    </select>
  );
}

export function Field({ label, htmlFor, wide, children }: { label: string; htmlFor: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`space-y-1 ${wide ? "sm:col-span-2" : ""}`}>
      <label htmlFor={htmlFor} className={fieldLabel}>
        {label}
      </label>
      {children}
    </div>
  );
}

export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)} className={fieldInput}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {roleLabel[r]}
        </option>
      ))}
    </select>
  );
}

/** A form's submit button with the failure next to it, announced. */
export function SubmitRow({ pending, error, label, pendingLabel, className = "" }: { pending: boolean; error: unknown; label: string; pendingLabel: string; className?: string }) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <button type="submit" disabled={pending} className={buttonPrimary}>
        {pending ? pendingLabel : label}
      </button>
      <p role="alert" className="text-sm text-danger empty:hidden">
        {error ? errorMessage(error) : null}
      </p>
    </div>
  );
}
