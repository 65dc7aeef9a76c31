import { generateKeyBetween } from "fractional-indexing";
import { DomainError } from "./errors";

/**
 * A rank that sorts between two neighbouring tasks of a column (null = the
 * column's start or end). Fractional keys let a move write one event instead of
 * renumbering the other tasks. Compare ranks with `<`, not localeCompare.
 */
export function rankBetween(before: string | null, after: string | null): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    // Equal or malformed neighbours: the caller's view of the column is stale.
    throw new DomainError("The task could not be placed there; reload the board and try again");
  }
}
