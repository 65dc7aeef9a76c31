"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { replaceSearchParams } from "./replace-search-params";

/** The audit log's filters as the URL holds them (?user=&type=&from=&to=&correlationId=); from/to are ISO instants. */
export type AuditLogFilters = { user: string; type: string; from: string; to: string; correlationId: string };

const keys = ["user", "type", "from", "to", "correlationId"] as const;

/** The filters, kept in the URL so a filtered log can be shared. Needs a Suspense boundary (the page has one). */
export function useAuditLogFilters() {
  const params = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as AuditLogFilters,
    [params],
  );
  return { filters, setFilters };
}

const setFilters = (change: Partial<AuditLogFilters>) => replaceSearchParams(change);

/** The filters as project.auditLog's input; an unreadable date in a hand-edited URL is left out. */
export function auditLogInput(filters: AuditLogFilters) {
  const date = (iso: string) => {
    const parsed = iso ? new Date(iso) : null;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
  };
  return {
    userId: filters.user || undefined,
    eventTypes: filters.type ? [filters.type] : undefined,
    from: date(filters.from),
    to: date(filters.to),
    correlationId: filters.correlationId || undefined,
  };
}
