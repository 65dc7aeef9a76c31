import { randomUUID } from "node:crypto";
import { type ExportFormat, projectDecider } from "../../domain";
import type { ChainSegment, ExportRange } from "../../audit";
import { ConcurrencyError, handleCommand } from "../../eventstore";
import type { Db } from "../../db";

/**
 * Appends the ExportGenerated event before any data leaves, so an export that is interrupted is on record
 * too. It goes on the project's stream, where a concurrent project command can win the version race; the
 * retry keeps the same command id, so it can never be recorded twice. Returns the event's id.
 */
export async function recordExport(
  db: Db,
  who: { userId: string; correlationId: string },
  projectId: string,
  exported: { format: ExportFormat; range: ExportRange; segment: ChainSegment },
): Promise<string> {
  const { format, range, segment } = exported;
  const command = {
    type: "RecordExport" as const,
    projectId,
    format,
    from: range.from,
    to: range.to,
    eventCount: segment.eventCount,
    firstPosition: segment.firstPosition,
    lastPosition: segment.lastPosition,
    hashBeforeRange: segment.hashBeforeRange,
    lastHash: segment.lastHash,
  };
  const context = { ...who, commandId: randomUUID() };
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await handleCommand(db, {
        stream: { aggregateType: "project", aggregateId: projectId },
        projectId,
        decider: projectDecider,
        command,
        context,
      });
      return result.events[0]!.eventId;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt === 5) throw error;
    }
  }
}
