/** The longest task title the server accepts (the domain's rule: 1–200 characters after trimming). */
export const TITLE_MAX = 200;
/** From this length on the counter shows, so the limit is seen before it is reached. */
const COUNTER_FROM = 150;

export const titleTooLong = (title: string) => title.trim().length > TITLE_MAX;

/**
 * How long a title is against the limit, and the refusal once a too-long one was sent: the field takes any
 * length, so nothing is cut silently, and the user decides what to shorten.
 */
export function TitleCounter({ id, length, refused }: { id: string; length: number; refused: boolean }) {
  const over = length > TITLE_MAX;
  return (
    <div id={id} className="flex items-start gap-2 text-xs empty:hidden">
      {refused && over ? (
        <p role="alert" className="flex-1 text-danger">
          Titles can be at most {TITLE_MAX} characters; this one has {length}. Shorten it by {length - TITLE_MAX} to save it.
        </p>
      ) : null}
      {length >= COUNTER_FROM ? (
        <p className={`ml-auto tabular-nums ${over ? "font-medium text-danger" : "text-fg-muted"}`}>
          {length} / {TITLE_MAX}
          <span className="sr-only"> characters</span>
        </p>
      ) : null}
    </div>
  );
}
