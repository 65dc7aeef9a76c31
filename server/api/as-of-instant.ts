import { z } from "zod";

/** An "as of" instant as answered: one in the future means now, since nothing has happened after now yet. */
export function notAfterNow(requested: Date): Date {
  const now = new Date();
  return requested > now ? now : requested;
}

/**
 * The instants procedures take: years 0001 to 9999. JavaScript's dates reach further than PostgreSQL's
 * timestamps (-271821 against -4713), so an instant beyond them would fail at the database instead of being
 * refused as bad input.
 */
export const EARLIEST_INSTANT = new Date("0001-01-01T00:00:00.000Z");
export const LATEST_INSTANT = new Date("9999-12-31T23:59:59.999Z");

/** A date within those years. */
export const InstantInRange = z
  .date({ error: "Not a valid date" })
  .min(EARLIEST_INSTANT, "Must be in the years 0001 to 9999")
  .max(LATEST_INSTANT, "Must be in the years 0001 to 9999");

/**
 * An instant as a procedure's input: a Date, or an ISO 8601 date-time with its offset (2026-11-12T14:05:00Z,
 * …+01:00). A date-time without an offset is refused: whose local time it is would be a guess.
 */
export const InstantInput = z
  .union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))], {
    error: "Give an ISO 8601 date-time with an offset, e.g. 2026-11-12T14:05:00Z",
  })
  .pipe(InstantInRange);
