/** Same outline as the loaded board (header, filter bar, four columns), so nothing jumps when the data arrives. */
export function BoardSkeleton() {
  return (
    <div className="px-4 py-5 sm:px-6" aria-busy="true" aria-label="Loading board">
      <div className="mb-5 flex min-h-9 items-center gap-3">
        <div className="size-7" />
        <div className="h-6 w-48 animate-pulse rounded-md bg-surface-muted" />
        <div className="h-5 w-16 animate-pulse rounded-full bg-surface-muted" />
      </div>
      <div className="mb-4 flex flex-wrap gap-2">
        <div className="h-8 w-full animate-pulse rounded-md bg-surface-muted sm:w-64" />
      </div>
      <div className="-mx-4 flex gap-3 overflow-hidden px-4 pb-4 sm:-mx-6 sm:px-6">
        {[3, 2, 1, 0].map((cards, column) => (
          <div key={column} className="flex w-72 shrink-0 flex-col rounded-xl border border-border bg-surface-muted/70">
            <div className="flex h-11 items-center px-3">
              <div className="h-4 w-24 animate-pulse rounded bg-border" />
            </div>
            <div className="mx-1.5 flex min-h-20 flex-1 flex-col gap-2 p-0.5 pb-2">
              {Array.from({ length: cards }, (_, i) => (
                <div key={i} className="h-11 animate-pulse rounded-lg border border-border bg-surface" />
              ))}
            </div>
            <div className="h-10" />
          </div>
        ))}
      </div>
    </div>
  );
}
