import type { ExportFormat } from "../../domain";
import { GENESIS_HASH } from "../chain-hash";
import type { ChainSegment, ExportRange } from "./segment";

/** manifest.json: what the archive holds and the values a verifier checks it against. */
export interface ExportManifest {
  format: "chronoboard-audit-export/1";
  project: { id: string; name: string };
  range: { from: string | null; to: string | null };
  eventCount: number;
  firstPosition: number | null;
  lastPosition: number | null;
  /** The chain's hash just before the first exported record (the genesis value if the range starts the chain). */
  hashBeforeRange: string;
  /** The hash of the last exported record: the chain head as of this export. */
  lastHash: string;
  eventsFile: { name: string; format: ExportFormat; sha256: string };
  chain: { hash: "SHA-256"; canonicalization: "RFC 8785 (JCS)"; genesis: string };
  generatedAt: string;
  generatedBy: { userId: string; name: string };
  /** The ExportGenerated event that records this export in the project's log. */
  exportEventId: string;
}

export interface ManifestInput {
  project: { id: string; name: string };
  range: ExportRange;
  segment: ChainSegment;
  format: ExportFormat;
  generatedAt: Date;
  generatedBy: { userId: string; name: string };
  exportEventId: string;
}

export function exportManifest(input: ManifestInput, eventsFile: { name: string; sha256: string }): ExportManifest {
  const { segment } = input;
  return {
    format: "chronoboard-audit-export/1",
    project: input.project,
    range: { from: input.range.from?.toISOString() ?? null, to: input.range.to?.toISOString() ?? null },
    eventCount: segment.eventCount,
    firstPosition: segment.firstPosition,
    lastPosition: segment.lastPosition,
    hashBeforeRange: segment.hashBeforeRange,
    lastHash: segment.lastHash,
    eventsFile: { ...eventsFile, format: input.format },
    chain: { hash: "SHA-256", canonicalization: "RFC 8785 (JCS)", genesis: GENESIS_HASH },
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: input.generatedBy,
    exportEventId: input.exportEventId,
  };
}
