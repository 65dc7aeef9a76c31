import { z } from "zod";
import { Id } from "../fields";
import type { Upcaster } from "./upcaster";

/** TaskMoved as v1 wrote it: the column only, before tasks had a rank within their column. */
export const TaskMovedV1 = z.object({ fromColumnId: Id, toColumnId: Id, wipLimitOverridden: z.boolean() }).strict();

/**
 * A v1 move put the task at the bottom of its new column. A rank made from the move's time keeps that
 * order without looking at the column (an upcaster sees one event): it sorts after the small ranks of
 * tasks created there ("a0", "a1", …), moved tasks stay in the order they were moved, and later moves
 * can still place tasks before, between or after them.
 */
export const taskMovedV1: Upcaster<typeof TaskMovedV1> = {
  eventType: "TaskMoved",
  fromVersion: 1,
  schema: TaskMovedV1,
  up: (data, { timestamp }) => ({ ...data, rank: integerRank(timestamp.getTime()) }),
};

const BASE_62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The fractional-indexing key of a whole number: a head letter giving the digit count ("a" = 1), then base-62 digits. */
export function integerRank(n: number): string {
  let digits = "";
  do {
    digits = BASE_62[n % 62] + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  return String.fromCharCode("a".charCodeAt(0) + digits.length - 1) + digits;
}
