"use client";

import { useEffect, useRef } from "react";
import { buttonSecondary } from "@/components/ui/classes";

/**
 * The end of an infinite list: loads the next page when it scrolls into view, and is a real button too, for
 * keyboards and for browsers that do not scroll (a short first page).
 */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // The latest callback, so the observer is not recreated on every render.
  const load = useRef(onLoad);
  useEffect(() => {
    load.current = onLoad;
  });

  useEffect(() => {
    const button = ref.current;
    if (!button || !hasMore || loading) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) load.current();
    }, { rootMargin: "200px" });
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasMore, loading]);

  if (!hasMore) return <p className="py-4 text-center text-sm text-fg-muted">That is the whole log.</p>;
  return (
    <div className="flex justify-center py-4">
      <button ref={ref} type="button" onClick={onLoad} disabled={loading} className={buttonSecondary}>
        {loading ? "Loading…" : "Load more"}
      </button>
    </div>
  );
}
