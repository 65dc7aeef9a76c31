import { z } from "zod";
import { UserId } from "../../domain";
import { readProjectLog, toDomainEvent } from "../../eventstore";
import { userNames } from "../../read-models";
import { InstantInput } from "../as-of-instant";
import { projectProcedure, readers } from "../project-procedure";

/**
 * Every event of the project, newest first, filtered by user, event types, time range (inclusive) and
 * correlation id, a page at a time: pass `nextCursor` back as `cursor` (tRPC infinite queries do).
 * Payloads are upcast to today's version; storedVersion is the version they were written in.
 */
export const auditLog = projectProcedure(readers)
  .input(
    z.object({
      userId: UserId.optional(),
      eventTypes: z.array(z.string().max(100)).max(50).optional(),
      from: InstantInput.optional(),
      to: InstantInput.optional(),
      correlationId: z.string().max(64).optional(),
      cursor: z.number().int().min(1).nullish(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { projectId, cursor, limit, ...filter } = input;
    const page = await readProjectLog(ctx.db, projectId, filter, { before: cursor ?? undefined, limit });
    // Membership events name their subject too, who may have left the project since.
    const subjects = page.events.flatMap((e) => memberOf(e.payload) ?? []);
    const nameOf = await userNames(ctx.db, [...page.events.map((e) => e.metadata.userId), ...subjects]);
    return {
      items: page.events.map((e) => ({
        eventId: e.eventId,
        position: e.position,
        type: e.eventType,
        storedVersion: e.eventVersion,
        aggregateType: e.aggregateType,
        aggregateId: e.aggregateId,
        version: e.version,
        timestamp: e.timestamp,
        data: toDomainEvent(e).data,
        userId: e.metadata.userId,
        userName: nameOf(e.metadata.userId),
        memberName: memberOf(e.payload) === null ? null : nameOf(memberOf(e.payload)!),
        correlationId: e.metadata.correlationId,
        causationId: e.metadata.causationId,
      })),
      nextCursor: page.nextCursor,
    };
  });

/** The user a membership event is about. */
function memberOf(payload: unknown): string | null {
  const userId = (payload as { userId?: unknown }).userId;
  return typeof userId === "string" ? userId : null;
}
