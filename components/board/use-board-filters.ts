"use client";

import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { type BoardFilters, readFilters } from "./board-filters";

/**
 * The board's filters, kept in the URL (?q=&assignee=&label=&priority=) so a filtered board can be shared.
 * Needs a Suspense boundary above it (useSearchParams); the page provides one.
 */
export function useBoardFilters() {
  const params = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  return { filters, setFilters };
}

function setFilters(change: Partial<BoardFilters>) {
  // From the address bar rather than the rendered params: a keystroke a moment ago may not have rendered yet.
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(change)) {
    if (value.trim()) next.set(key, value);
    else next.delete(key);
  }
  const query = next.toString();
  // Next's router follows history.replaceState (useSearchParams updates). Unlike router.replace it asks the
  // server for nothing, which matters as the search box writes on every keystroke and filtering is client-side;
  // it neither scrolls nor adds a history entry. The state must be null so the router syncs.
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}
